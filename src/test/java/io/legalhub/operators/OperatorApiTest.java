package io.legalhub.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.support.HubIntegrationTest;
import io.legalhub.support.SandboxClient;
import org.junit.jupiter.api.Test;

/** Issue 4: what operators do with dead letters through the API, and who may do it. */
class OperatorApiTest extends HubIntegrationTest {

    @Test
    void editingAPayloadKeepsTheChangeAsADiffWithWhoAndWhen() throws Exception {
        RejectedMatter rejected = rejectedInBilling("Northwind edit");
        JsonNode canonical = SandboxClient.JSON.readTree(json(api("GET", "/api/dead-letters/" + rejected.deadLetterId, null, "viewer")).get("body").asText());
        ((ObjectNode) canonical).put("name", "Northwind edit (corrected)");

        HttpResponse<String> edited = api("PUT", "/api/dead-letters/" + rejected.deadLetterId + "/payload", canonical.toString(), "operator");

        assertThat(edited.statusCode()).isEqualTo(200);
        JsonNode detail = json(edited);
        assertThat(detail.get("body").asText()).contains("Northwind edit (corrected)");
        JsonNode last = detail.get("history").get(detail.get("history").size() - 1);
        assertThat(last.get("action").asText()).isEqualTo("edited");
        assertThat(last.get("actor").asText()).isEqualTo("operator");
        assertThat(last.get("at").asText()).isNotBlank();
        assertThat(last.get("detail").asText()).contains("-   \"name\" : \"Northwind edit\"").contains("+   \"name\" : \"Northwind edit (corrected)\"");
    }

    @Test
    void anEditThatIsNotJsonOrBreaksTheCanonicalSchemaIsRefusedWithTheReason() throws Exception {
        RejectedMatter rejected = rejectedInBilling("Contoso schema");
        String canonical = json(api("GET", "/api/dead-letters/" + rejected.deadLetterId, null, "viewer")).get("body").asText();

        HttpResponse<String> notJson = api("PUT", "/api/dead-letters/" + rejected.deadLetterId + "/payload", "{\"name\": ", "operator");
        HttpResponse<String> badStatus = api("PUT", "/api/dead-letters/" + rejected.deadLetterId + "/payload",
                canonical.replace("\"status\" : \"open\"", "\"status\" : \"archived\"").replace("\"status\":\"open\"", "\"status\":\"archived\""), "operator");

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("not valid JSON");
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(badStatus.body()).contains("matter.schema.json").contains("status");
    }

    @Test
    void aDryRunShowsTheExactRequestAReplayWouldSendWithoutSendingIt() throws Exception {
        RejectedMatter rejected = rejectedInBilling("Fabrikam dry run");
        long callsForThisMatterBefore = billingCallsFor(rejected.number);

        JsonNode preview = json(api("GET", "/api/dead-letters/" + rejected.deadLetterId + "/dry-run", null, "viewer"));

        assertThat(preview.get("wouldSend").asBoolean()).isTrue();
        assertThat(preview.at("/request/method").asText()).isEqualTo("POST");
        assertThat(preview.at("/request/url").asText()).endsWith("/billing/api/v1/matters");
        assertThat(preview.at("/request/body/number").asText()).isEqualTo(rejected.number);
        assertThat(preview.at("/request/body/name").asText()).isEqualTo("Fabrikam dry run");
        assertThat(billingCallsFor(rejected.number)).isEqualTo(callsForThisMatterBefore);
        assertThat(sandbox.billingMatters(rejected.number)).isEmpty();
    }

    @Test
    void discardNeedsAReasonAndADiscardedDeadLetterCannotBeReplayed() throws Exception {
        RejectedMatter rejected = rejectedInBilling("Tailspin discard");

        HttpResponse<String> noReason = api("POST", "/api/dead-letters/" + rejected.deadLetterId + "/discard", "{}", "operator");
        HttpResponse<String> discarded = api("POST", "/api/dead-letters/" + rejected.deadLetterId + "/discard",
                "{\"reason\":\"Matter opened by mistake\"}", "operator");
        HttpResponse<String> replay = api("POST", "/api/dead-letters/" + rejected.deadLetterId + "/replay", null, "operator");

        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason is required");
        assertThat(json(discarded).get("status").asText()).isEqualTo("discarded");
        assertThat(replay.statusCode()).isEqualTo(409);
        JsonNode history = json(api("GET", "/api/dead-letters/" + rejected.deadLetterId, null, "viewer")).get("history");
        assertThat(history.toString()).contains("discarded").contains("Matter opened by mistake").contains("operator");
    }

    @Test
    void aDeadLetterFixedOutsideTheHubCanBeMarkedResolved() throws Exception {
        RejectedMatter rejected = rejectedInBilling("Litware resolved");

        JsonNode resolved = json(api("POST", "/api/dead-letters/" + rejected.deadLetterId + "/resolve",
                "{\"note\":\"Created by hand in billing\"}", "operator"));

        assertThat(resolved.get("status").asText()).isEqualTo("resolved");
        assertThat(trail(rejected.number)).contains("resolved");
    }

    @Test
    void aReplayCarryingAnOlderVersionThanTheTargetHasIsMarkedSupersededNotApplied() throws Exception {
        RejectedMatter rejected = rejectedInBilling("Proseware superseded");
        // billing accepts the record again but slowly, so the newer version is still on its way when the replay is queued
        sandbox.ok("PUT", "/billing/_control/faults", "{\"latencyMs\":1500}");
        sandbox.updateMatter(rejected.matterId, SandboxClient.JSON.createObjectNode().put("description", "Proseware superseded v2"));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from journal where record_key = :k and step = 'canonicalized' and detail like '%billing%'")
                .param("k", rejected.number).query(Long.class).single() > 0);

        HttpResponse<String> replay = api("POST", "/api/dead-letters/" + rejected.deadLetterId + "/replay", null, "operator");

        assertThat(replay.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> "superseded".equals(status(rejected.deadLetterId)));
        JsonNode history = json(api("GET", "/api/dead-letters/" + rejected.deadLetterId, null, "viewer")).get("history");
        assertThat(history.get(history.size() - 1).get("detail").asText()).contains("older than version");
        assertThat(sandbox.billingMatters(rejected.number)).hasSize(1);
        assertThat(sandbox.billingMatters(rejected.number).get(0).get("name").asText()).isEqualTo("Proseware superseded v2");
    }

    @Test
    void bulkReplayByFilterReplaysExactlyTheMatchingDeadLetters() throws Exception {
        String batch = "BULK" + newMatterNumber().substring(1, 6);
        List<RejectedMatter> matching = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            matching.add(rejectedInBilling("Bulk " + i, batch + "-" + i));
        }
        RejectedMatter other = rejectedInBilling("Not in the batch");
        matching.forEach(m -> liftRejection(m.number));

        HttpResponse<String> started = api("POST", "/api/dead-letters/replay?target=billing&q=" + batch, null, "operator");

        assertThat(started.statusCode()).isEqualTo(202);
        long jobId = json(started).get("jobId").asLong();
        JsonNode job = await().atMost(Duration.ofSeconds(30))
                .until(() -> json(api("GET", "/api/jobs/" + jobId, null, "viewer")), j -> "completed".equals(j.get("status").asText()));
        assertThat(job.get("total").asInt()).isEqualTo(3);
        assertThat(job.get("succeeded").asInt()).isEqualTo(3);
        assertThat(job.get("percent").asInt()).isEqualTo(100);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (RejectedMatter m : matching) {
                assertThat(status(m.deadLetterId)).isEqualTo("replayed");
                assertThat(sandbox.billingMatters(m.number)).hasSize(1);
            }
        });
        assertThat(status(other.deadLetterId)).isEqualTo("open");
        assertThat(sandbox.billingMatters(other.number)).isEmpty();
    }

    @Test
    void aViewerReadsAndDryRunsButCannotChangeAnything() throws Exception {
        RejectedMatter rejected = rejectedInBilling("Viewer rights");
        String base = "/api/dead-letters/" + rejected.deadLetterId;

        assertThat(api("GET", base, null, "viewer").statusCode()).isEqualTo(200);
        assertThat(api("GET", base + "/dry-run", null, "viewer").statusCode()).isEqualTo(200);
        assertThat(api("POST", base + "/replay", null, "viewer").statusCode()).isEqualTo(403);
        assertThat(api("PUT", base + "/payload", "{}", "viewer").statusCode()).isEqualTo(403);
        assertThat(api("POST", base + "/discard", "{\"reason\":\"x\"}", "viewer").statusCode()).isEqualTo(403);
        assertThat(api("POST", base + "/resolve", "{}", "viewer").statusCode()).isEqualTo(403);
        assertThat(api("POST", "/api/dead-letters/replay?q=x", null, "viewer").statusCode()).isEqualTo(403);
        assertThat(status(rejected.deadLetterId)).isEqualTo("open");
    }

    @Test
    void theTrailShowsEachStepWithTheTargetsIds() throws Exception {
        RejectedMatter rejected = rejectedInBilling("Trail steps");
        sandbox.clearFaults("billing");
        api("POST", "/api/dead-letters/" + rejected.deadLetterId + "/replay", null, "operator");
        await().atMost(Duration.ofSeconds(30)).until(() -> "replayed".equals(status(rejected.deadLetterId)));

        JsonNode trail = json(api("GET", "/api/records/matter/" + rejected.number + "/trail", null, "viewer"));

        String billingId = sandbox.billingMatters(rejected.number).get(0).get("id").asText();
        assertThat(trail.at("/systems/billing").asText()).isEqualTo(billingId);
        List<String> steps = new ArrayList<>();
        trail.get("steps").forEach(s -> steps.add(s.get("step").asText() + "@" + s.path("system").asText()));
        assertThat(steps).contains("received@matter-management", "canonicalized@hub", "delivered@dms", "failed@billing",
                "replay-requested@billing", "delivered@billing");
        trail.get("steps").forEach(s -> assertThat(s.get("at").asText()).isNotBlank());
        assertThat(api("GET", "/api/records/matter/NO-SUCH-MATTER/trail", null, "viewer").statusCode()).isEqualTo(404);
    }

    // ---- helpers

    /**
     * Billing requests that concern one rejected matter: look-ups by its number, and writes billing refused (only that
     * matter is refused while the test runs). Counting all billing traffic would also count the hub's background polls.
     */
    private long billingCallsFor(String number) {
        return sandbox.requests("billing").stream()
                .filter(r -> r.path("query").asText("").contains(number) || "rejectRecords".equals(r.path("fault").asText()))
                .count();
    }

    private record RejectedMatter(String number, long matterId, long deadLetterId) {
    }

    private RejectedMatter rejectedInBilling(String name) throws Exception {
        return rejectedInBilling(name, newMatterNumber());
    }

    /** A matter billing refuses (the rest of the flow goes through), and its open dead letter. */
    private RejectedMatter rejectedInBilling(String name, String number) throws Exception {
        sandbox.ok("PATCH", "/billing/_control/faults", "{\"rejectRecords\":{\"" + number + "\":\"Refused for the test\"}}");
        long client = sandbox.createClient(name + " client " + number, "Company");
        JsonNode matter = sandbox.createMatter(number, name, client, null);
        JsonNode page = await().atMost(Duration.ofSeconds(30)).until(
                () -> json(api("GET", "/api/dead-letters?status=open&target=billing&q=" + number, null, "viewer")),
                p -> p.get("total").asInt() == 1);
        // the matter's latest version reaches the hub twice (webhook and poll), each arrival one attempt: wait for both
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                        select count(*) from journal j where j.entity_type = 'matter' and j.record_key = :k and j.step = 'received'
                        and j.detail = 'via poll' and j.source_version = (select max(source_version) from journal
                        where entity_type = 'matter' and record_key = :k)""").param("k", number).query(Long.class).single() > 0);
        awaitQueuesDrained();
        page = json(api("GET", "/api/dead-letters?status=open&target=billing&q=" + number, null, "viewer"));
        return new RejectedMatter(number, matter.get("id").asLong(), page.get("items").get(0).get("id").asLong());
    }

    private void liftRejection(String number) {
        sandbox.ok("PATCH", "/billing/_control/faults", "{\"rejectRecords\":{\"" + number + "\":null}}");
    }

    private String status(long id) throws Exception {
        return json(api("GET", "/api/dead-letters/" + id, null, "viewer")).get("status").asText();
    }

    private String trail(String number) throws Exception {
        return json(api("GET", "/api/records/matter/" + number + "/trail", null, "viewer")).toString();
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return SandboxClient.JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON (" + response.statusCode() + "): " + response.body());
        }
    }
}
