package io.legalhub.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.legalhub.support.HubIntegrationTest;
import io.legalhub.support.SandboxClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

/** Issue 5: a message Artemis gave up on (moved to its dead-letter queue) becomes a replayable dead letter. */
class BrokerDeadLetterDrainTest extends HubIntegrationTest {

    @Autowired
    JmsTemplate jms;

    @Test
    void aMessageTheBrokerDeadLetteredShowsInTheStoreAtItsStageAndCanBeReplayed() throws Exception {
        String number = newMatterNumber();
        long client = sandbox.createClient("Broker DLQ client " + number, "Company");
        sandbox.createMatter(number, "Broker DLQ matter", client, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.billingMatters(number).size() == 1);
        String canonical = jdbc.sql("select canonical from record_state where entity_type = 'matter' and hub_key = :k")
                .param("k", number).query(String.class).single();
        long version = SandboxClient.JSON.readTree(canonical).at("/source/version").asLong();

        // as Artemis leaves it: the original queue in _AMQ_ORIG_QUEUE, the envelope intact
        jms.convertAndSend("hub.broker.dlq", canonical, message -> {
            message.setStringProperty("_AMQ_ORIG_QUEUE", "hub.out.billing.matter");
            message.setStringProperty("_AMQ_ORIG_ADDRESS", "hub.out.billing.matter");
            for (Map.Entry<String, Object> h : Map.<String, Object>of("hubEntity", "matter", "hubKey", number,
                    "hubMessageId", "broker-test-" + number, "hubSourceSystem", "matter-management").entrySet()) {
                message.setStringProperty(h.getKey(), (String) h.getValue());
            }
            message.setLongProperty("hubSourceVersion", version);
            return message;
        });

        JsonNode deadLetter = await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode page = SandboxClient.JSON.readTree(api("GET", "/api/dead-letters?q=" + number, null, "viewer").body());
            return page.get("total").asInt() == 0 ? null : page.get("items").get(0);
        }, d -> d != null);
        assertThat(deadLetter.get("stage").asText()).isEqualTo("deliver");
        assertThat(deadLetter.get("target").asText()).isEqualTo("billing");
        assertThat(deadLetter.get("failureKind").asText()).isEqualTo("transient");
        assertThat(deadLetter.get("error").asText()).contains("broker gave up").contains("hub.out.billing.matter");

        assertThat(api("POST", "/api/dead-letters/" + deadLetter.get("id").asLong() + "/replay", null, "operator").statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> SandboxClient.JSON.readTree(
                api("GET", "/api/dead-letters/" + deadLetter.get("id").asLong(), null, "viewer").body()).get("status").asText().equals("replayed"));
        assertThat(sandbox.billingMatters(number)).hasSize(1);
    }
}
