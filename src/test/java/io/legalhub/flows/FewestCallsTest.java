package io.legalhub.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import io.legalhub.support.HubIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * A new matter costs each system the calls its API needs and no more: one create in billing, the DMS and the conflicts
 * system (no look-up before a create the hub has never sent), and in matter management one read of its relationships
 * and one write-back of the conflict result (built from the matter as the hub last read it, no read before the write;
 * the write-back's own echo does not read the relationships again, even when webhook and poll both bring it at the same
 * moment: that version's second arrival reuses what its first read). Counted in the sandbox's logs.
 */
class FewestCallsTest extends HubIntegrationTest {

    @Test
    void aNewMatterIsProvisionedWithOneCallPerSystemAndOneWriteBack() {
        awaitQueuesDrained();
        Instant start = Instant.now();
        String number = newMatterNumber();
        long client = sandbox.createClient("Fewest Calls Ltd " + number, "Company");
        long matterId = sandbox.createMatter(number, "Fewest calls matter", client, null).get("id").asLong();

        await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.billingMatters(number).size() == 1
                && sandbox.dmsWorkspaces(number).size() == 1
                && sandbox.matter(matterId).path("custom_field_values").size() > 0);
        // the write-back's echo comes back by webhook and by poll; give both their time to be (not) acted on
        awaitQueuesDrained();
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> hubQueueDepth() == 0);

        assertThat(since(start, "billing", r -> r.path("method").asText().equals("POST") && r.path("path").asText().endsWith("/api/v1/matters")))
                .as("billing: the create").hasSize(1);
        assertThat(since(start, "billing", r -> r.path("query").asText("").contains(number))).as("billing: no look-up").isEmpty();
        assertThat(since(start, "dms", r -> r.path("path").asText().endsWith("/createWorkspace"))).as("DMS: the create").hasSize(1);
        assertThat(since(start, "dms", r -> r.path("path").asText().endsWith("/searchWorkspaces"))).as("DMS: no look-up").isEmpty();
        assertThat(since(start, "conflicts", r -> r.path("method").asText().equals("POST"))).as("conflicts: the search").hasSize(1);
        String matterPath = "/api/v4/matters/" + matterId + ".json";
        assertThat(since(start, "matter-management", r -> r.path("path").asText().endsWith(matterPath) && r.path("method").asText().equals("PATCH")))
                .as("matter management: the write-back").hasSize(1);
        assertThat(since(start, "matter-management", r -> r.path("path").asText().endsWith(matterPath) && r.path("method").asText().equals("GET")))
                .as("matter management: no read before the write-back").isEmpty();
        assertThat(since(start, "matter-management", r -> r.path("path").asText().endsWith("/relationships.json")
                && r.path("query").asText("").contains("matter_id=" + matterId)))
                .as("matter management: the matter's relationships, read once").hasSize(1);
    }

    private List<JsonNode> since(Instant start, String system, Predicate<JsonNode> which) {
        return sandbox.requests(system).stream()
                .filter(r -> !Instant.parse(r.get("receivedAt").asText()).isBefore(start))
                .filter(which)
                .toList();
    }
}
