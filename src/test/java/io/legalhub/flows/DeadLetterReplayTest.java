package io.legalhub.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import io.legalhub.support.HubIntegrationTest;
import io.legalhub.support.SandboxClient;
import org.junit.jupiter.api.Test;

/** Issue 2: a permanent rejection becomes a dead letter an operator can replay once the cause is fixed. */
class DeadLetterReplayTest extends HubIntegrationTest {

    @Test
    void aRejectedMatterIsDeadLetteredWithTheReasonAndAReplayAfterTheFixDeliversItOnce() throws Exception {
        String number = newMatterNumber();
        long client = sandbox.createClient("Adventure Works " + number, "Company");
        sandbox.faults("billing", "{\"rejectRecords\":{\"" + number + "\":\"Client is on credit hold\"}}");

        sandbox.createMatter(number, "Adventure Works distribution agreement", client, null);

        JsonNode deadLetter = await().atMost(Duration.ofSeconds(30)).until(() -> openDeadLetter(number), d -> d != null);
        assertThat(deadLetter.get("target").asText()).isEqualTo("billing");
        assertThat(deadLetter.get("stage").asText()).isEqualTo("deliver");
        assertThat(deadLetter.get("failureKind").asText()).isEqualTo("permanent");
        assertThat(deadLetter.get("error").asText()).contains("Client is on credit hold").contains("400");
        // one attempt per arrival: the poll may bring the same version again, which updates this dead letter
        assertThat(deadLetter.get("attempts").asInt()).isBetween(1, 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.dmsWorkspaces(number).size() == 1);
        assertThat(sandbox.billingMatters(number)).isEmpty();

        long id = deadLetter.get("id").asLong();
        JsonNode detail = SandboxClient.JSON.readTree(api("GET", "/api/dead-letters/" + id, null, "viewer").body());
        assertThat(detail.get("body").asText()).contains(number);
        assertThat(detail.get("causeChain").asText()).contains("PermanentSystemFailure");
        assertThat(detail.get("history")).isNotEmpty();

        sandbox.clearFaults("billing");
        HttpResponse<String> replay = api("POST", "/api/dead-letters/" + id + "/replay", null, "operator");

        assertThat(replay.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(sandbox.billingMatters(number)).hasSize(1);
            JsonNode after = SandboxClient.JSON.readTree(api("GET", "/api/dead-letters/" + id, null, "viewer").body());
            assertThat(after.get("status").asText()).isEqualTo("replayed");
        });

        // replaying again is refused (it is closed) and creates nothing
        HttpResponse<String> again = api("POST", "/api/dead-letters/" + id + "/replay", null, "operator");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(sandbox.billingMatters(number)).hasSize(1);
        assertThat(sandbox.stats("billing").path("duplicates").path("matters").has(number)).isFalse();
    }

    @Test
    void aViewerCannotReplayAndAnAnonymousCallerCannotList() {
        HttpResponse<String> viewer = api("POST", "/api/dead-letters/1/replay", null, "viewer");
        HttpResponse<String> anonymous = api("GET", "/api/dead-letters", null, null);

        assertThat(viewer.statusCode()).isEqualTo(403);
        assertThat(viewer.body()).contains("OPERATOR");
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void deadLettersCanBeFilteredByStatusSystemAndEntityType() throws Exception {
        HttpResponse<String> list = api("GET", "/api/dead-letters?status=open&system=billing&entity=matter&size=10", null, "viewer");

        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode page = SandboxClient.JSON.readTree(list.body());
        assertThat(page.has("total")).isTrue();
        page.get("items").forEach(item -> {
            assertThat(item.get("status").asText()).isEqualTo("open");
            assertThat(item.get("entityType").asText()).isEqualTo("matter");
        });
        HttpResponse<String> bad = api("GET", "/api/dead-letters?status=maybe", null, "viewer");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Unknown status 'maybe'");
    }

    private JsonNode openDeadLetter(String number) throws Exception {
        JsonNode page = SandboxClient.JSON.readTree(api("GET", "/api/dead-letters?q=" + number + "&status=open", null, "viewer").body());
        return page.get("items").size() == 0 ? null : page.get("items").get(0);
    }
}
