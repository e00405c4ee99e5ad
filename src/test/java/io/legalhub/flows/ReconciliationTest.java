package io.legalhub.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.support.HubIntegrationTest;
import io.legalhub.support.SandboxClient;
import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 3, flow 7: reconciliation compares billing and the DMS with the hub, reports what drifted
 * (missing, orphaned, differing, unlinked) per system as JSON and CSV, and re-syncs it on request.
 * The sandbox is shared with other tests, so assertions look only at this test's own records.
 */
class ReconciliationTest extends HubIntegrationTest {

    private static final String RUNS = "/api/reconciliation/runs";

    @Autowired
    private CamelContext camel;

    private record Provisioned(String number, String description, String billingId, String workspaceId) {
    }

    @BeforeEach
    @AfterEach
    void noRunIsRunning() {
        await().atMost(Duration.ofSeconds(60)).until(() ->
                jdbc.sql("select count(*) from reconciliation_run where running_slot = 1").query(Long.class).single() == 0);
    }

    @Test
    void afterTheInitialSyncARunFindsTheSeededMattersInStepInBillingAndDms() {
        await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.sql("""
                select count(*) from delivery_state where entity_type = 'matter' and target in ('billing', 'dms')
                  and (hub_key like '2025-%' or hub_key like '2026-%')""").query(Long.class).single() >= 100);
        awaitQueuesDrained();

        JsonNode run = finished(start(null));

        assertThat(run.get("status").asText()).isEqualTo("completed");
        assertThat(run.get("startedBy").asText()).isEqualTo("operator");
        for (String system : List.of("billing", "dms")) {
            JsonNode counts = system(run, system);
            assertThat(counts.get("status").asText()).as(system).isEqualTo("completed");
            // 60 seeded matters, less the closed ones never checked and those waiting for a conflicts decision
            assertThat(counts.get("hubRecords").asInt()).as(system).isGreaterThanOrEqualTo(50);
            assertThat(counts.get("inStep").asInt()).as(system).isGreaterThanOrEqualTo(50);
        }
        List<JsonNode> seeded = findings(run).stream().filter(f -> f.path("key").asText().matches("202[56]-\\d{4}")).toList();
        assertThat(seeded).as("findings about the seeded matters").isEmpty();
    }

    @Test
    void driftPlantedInBillingAndTheDmsIsReportedByKindAndSystemInJsonAndCsv() throws IOException {
        Provisioned renamed = provision("Wingtip Toys – licensing review");
        Provisioned workspaceGone = provision("Wingtip Toys – lease dispute");
        Provisioned billingMatterGone = provision("Wingtip Toys – trademark filing");
        String orphan = newMatterNumber();
        renameInBilling(renamed, "Renamed in billing by hand");
        sandbox.deleteDmsWorkspace(workspaceGone.workspaceId());
        sandbox.deleteBillingMatter(billingMatterGone.billingId());
        String orphanId = sandbox.createBillingMatter(SandboxClient.JSON.createObjectNode()
                .put("number", orphan).put("name", "Opened in billing by hand").put("client_number", "ACME-001")).get("id").asText();

        long id = start(null);
        JsonNode run = finished(id);

        assertThat(run.get("status").asText()).isEqualTo("completed");
        JsonNode differing = only(run, "billing", renamed.number());
        assertThat(differing.get("kind").asText()).isEqualTo("differing");
        assertThat(differing.get("targetId").asText()).isEqualTo(renamed.billingId());
        assertThat(differing.get("differences")).hasSize(1);
        JsonNode name = differing.get("differences").get(0);
        assertThat(name.get("field").asText()).isEqualTo("name");
        assertThat(name.get("hub").asText()).isEqualTo(renamed.description());
        assertThat(name.get("target").asText()).isEqualTo("Renamed in billing by hand");
        assertThat(findingsFor(run, "dms", renamed.number())).as("the DMS workspace was not touched").isEmpty();

        JsonNode noWorkspace = only(run, "dms", workspaceGone.number());
        assertThat(noWorkspace.get("kind").asText()).isEqualTo("missing");
        assertThat(noWorkspace.get("hubXrefId").asText()).isEqualTo(workspaceGone.workspaceId());
        assertThat(findingsFor(run, "billing", workspaceGone.number())).isEmpty();

        JsonNode noBillingMatter = only(run, "billing", billingMatterGone.number());
        assertThat(noBillingMatter.get("kind").asText()).isEqualTo("missing");
        assertThat(noBillingMatter.get("hubXrefId").asText()).isEqualTo(billingMatterGone.billingId());

        JsonNode orphaned = only(run, "billing", orphan);
        assertThat(orphaned.get("kind").asText()).isEqualTo("orphaned");
        assertThat(orphaned.get("targetId").asText()).isEqualTo(orphanId);

        assertThat(system(run, "billing").get("differing").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(system(run, "billing").get("missing").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(system(run, "billing").get("orphaned").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(system(run, "dms").get("missing").asInt()).isGreaterThanOrEqualTo(1);

        HttpResponse<String> report = api("GET", RUNS + "/" + id + "/report.csv", null, "viewer");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<List<String>> rows = parseCsv(report.body());
        assertThat(rows.get(0)).containsExactly("run_id", "system", "entity", "kind", "key", "target_id", "hub_xref_id",
                "fields", "hub_values", "target_values", "detail", "resync_requested_by");
        assertThat(rows).hasSize(1 + findings(run).size());
        List<String> renamedRow = rows.stream().filter(r -> r.get(4).equals(renamed.number())).findFirst().orElseThrow();
        assertThat(renamedRow.subList(0, 10)).containsExactly(Long.toString(id), "billing", "matter", "differing", renamed.number(),
                renamed.billingId(), renamed.billingId(), "name", "\"" + renamed.description() + "\"", "\"Renamed in billing by hand\"");
        assertThat(rows).anySatisfy(r -> assertThat(r.subList(1, 6)).containsExactly("billing", "matter", "orphaned", orphan, orphanId));
        assertThat(rows).allSatisfy(r -> assertThat(r).hasSize(12));
    }

    @Test
    void resyncRepairsTheDifferingAndMissingRecordsAndLeavesTheOrphanInPlace() {
        Provisioned renamed = provision("Litware – distribution agreement");
        Provisioned workspaceGone = provision("Litware – employment claim");
        Provisioned billingMatterGone = provision("Litware – patent opposition");
        String orphan = newMatterNumber();
        renameInBilling(renamed, "Changed in billing by hand");
        sandbox.deleteDmsWorkspace(workspaceGone.workspaceId());
        sandbox.deleteBillingMatter(billingMatterGone.billingId());
        sandbox.createBillingMatter(SandboxClient.JSON.createObjectNode()
                .put("number", orphan).put("name", "Litware side letter").put("client_number", "ACME-001"));
        long first = start(null);
        finished(first);

        // kinds default to missing and differing
        HttpResponse<String> resync = api("POST", RUNS + "/" + first + "/resync", "{\"keys\":[\"" + renamed.number() + "\",\""
                + workspaceGone.number() + "\",\"" + billingMatterGone.number() + "\"]}", "operator");

        assertThat(resync.statusCode()).isEqualTo(202);
        assertThat(json(resync.body()).get("queued").asInt()).isEqualTo(3);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(sandbox.billingMatters(renamed.number())).singleElement()
                    .satisfies(m -> assertThat(m.get("name").asText()).isEqualTo(renamed.description()));
            assertThat(sandbox.dmsWorkspaces(workspaceGone.number())).singleElement()
                    .satisfies(w -> assertThat(w.get("description").asText()).isEqualTo(workspaceGone.description()));
            assertThat(sandbox.billingMatters(billingMatterGone.number())).singleElement()
                    .satisfies(m -> assertThat(m.get("name").asText()).isEqualTo(billingMatterGone.description()));
        });
        assertThat(trailDetails(renamed.number())).anySatisfy(detail ->
                assertThat(detail).isEqualTo("resync requested by operator after reconciliation " + first + " (differing)"));
        awaitQueuesDrained();

        JsonNode second = finished(start(null));

        for (Provisioned repaired : List.of(renamed, workspaceGone, billingMatterGone)) {
            assertThat(findingsFor(second, "billing", repaired.number())).as("billing " + repaired.number()).isEmpty();
            assertThat(findingsFor(second, "dms", repaired.number())).as("dms " + repaired.number()).isEmpty();
        }
        assertThat(only(second, "billing", orphan).get("kind").asText()).isEqualTo("orphaned");
        assertThat(sandbox.billingMatters(orphan)).as("orphans are never deleted").hasSize(1);
    }

    @Test
    void aRecordMadeByHandWithTheKeyOfAHubMatterIsUnlinkedAndAResyncAdoptsIt() {
        Provisioned matter = provision("Proseware – supply contract");
        sandbox.deleteBillingMatter(matter.billingId());
        String byHand = sandbox.createBillingMatter(SandboxClient.JSON.createObjectNode()
                .put("number", matter.number()).put("name", "Re-keyed by hand").put("client_number", "ACME-001")).get("id").asText();
        long first = start("billing");
        JsonNode run = finished(first);

        JsonNode unlinked = only(run, "billing", matter.number());
        assertThat(unlinked.get("kind").asText()).isEqualTo("unlinked");
        assertThat(unlinked.get("targetId").asText()).isEqualTo(byHand);
        assertThat(unlinked.get("hubXrefId").asText()).isEqualTo(matter.billingId());
        assertThat(run.get("systems")).as("a run for billing only").allSatisfy(s -> assertThat(s.get("system").asText()).isEqualTo("billing"));

        HttpResponse<String> resync = api("POST", RUNS + "/" + first + "/resync",
                "{\"keys\":[\"" + matter.number() + "\"],\"kinds\":[\"unlinked\"]}", "operator");

        assertThat(resync.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(sandbox.billingMatters(matter.number())).singleElement()
                .satisfies(m -> {
                    assertThat(m.get("id").asText()).isEqualTo(byHand);
                    assertThat(m.get("name").asText()).isEqualTo(matter.description());
                }));
        awaitQueuesDrained();
        assertThat(findingsFor(finished(start("billing")), "billing", matter.number())).isEmpty();
    }

    @Test
    void aSecondRunStartedWhileOneRunsIsRefusedWith409() {
        sandbox.faults("billing", "{\"latencyMs\":1500}");
        long first = start("billing");

        HttpResponse<String> second = api("POST", RUNS, null, "operator");

        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.body()).contains("Reconciliation run " + first + " is still running");
        sandbox.clearFaults("billing");
        assertThat(finished(first).get("status").asText()).isEqualTo("completed");
    }

    @Test
    void aSystemThatCannotBeReadFailsTheRunWithItsReasonWhileTheOthersAreCompared() {
        sandbox.faults("dms", "{\"outage\":true}");

        JsonNode run = finished(start(null));

        assertThat(run.get("status").asText()).isEqualTo("failed");
        assertThat(run.get("reason").asText()).contains("dms/matter").contains("503").contains("the next run tries again");
        assertThat(system(run, "dms").get("status").asText()).isEqualTo("failed");
        assertThat(system(run, "billing").get("status").asText()).isEqualTo("completed");
        assertThat(findings(run)).noneSatisfy(f -> assertThat(f.get("system").asText()).isEqualTo("dms"));
    }

    @Test
    void viewersReadRunsButCannotStartOrResyncThem() {
        long id = start("dms");
        finished(id);

        HttpResponse<String> startAsViewer = api("POST", RUNS, null, "viewer");
        HttpResponse<String> resyncAsViewer = api("POST", RUNS + "/" + id + "/resync", null, "viewer");
        HttpResponse<String> list = api("GET", RUNS, null, "viewer");

        assertThat(startAsViewer.statusCode()).isEqualTo(403);
        assertThat(resyncAsViewer.statusCode()).isEqualTo(403);
        assertThat(startAsViewer.body()).contains("OPERATOR");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(json(list.body()).get("items")).anySatisfy(r -> assertThat(r.get("id").asLong()).isEqualTo(id));
        assertThat(api("GET", RUNS, null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void badRequestsGetAClearAnswerAndOrphansCannotBeResynced() {
        long id = start("dms");
        finished(id);

        HttpResponse<String> orphans = api("POST", RUNS + "/" + id + "/resync", "{\"kinds\":[\"orphaned\"]}", "operator");
        HttpResponse<String> typo = api("POST", RUNS + "/" + id + "/resync", "{\"key\":[\"2026-0012\"]}", "operator");
        HttpResponse<String> noSuchKey = api("POST", RUNS + "/" + id + "/resync", "{\"keys\":[\"NO-SUCH-KEY\"]}", "operator");
        HttpResponse<String> notJson = api("POST", RUNS + "/" + id + "/resync", "{keys", "operator");
        HttpResponse<String> unknownSystem = api("POST", RUNS + "?system=payroll", null, "operator");
        HttpResponse<String> unknownRun = api("GET", RUNS + "/999999", null, "viewer");
        HttpResponse<String> unknownKind = api("GET", RUNS + "/" + id + "?kind=strange", null, "viewer");

        assertThat(orphans.statusCode()).isEqualTo(400);
        assertThat(orphans.body()).contains("never deletes or changes them");
        assertThat(typo.statusCode()).isEqualTo(400);
        assertThat(typo.body()).contains("Unknown field 'key'");
        assertThat(noSuchKey.statusCode()).isEqualTo(400);
        assertThat(noSuchKey.body()).contains("NO-SUCH-KEY");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("not valid JSON");
        assertThat(unknownSystem.statusCode()).isEqualTo(400);
        assertThat(unknownSystem.body()).contains("'payroll' is not a target").contains("billing, dms");
        assertThat(unknownRun.statusCode()).isEqualTo(404);
        assertThat(unknownKind.statusCode()).isEqualTo(400);
        assertThat(unknownKind.body()).contains("Unknown finding kind 'strange'");
    }

    @Test
    void aRunLeftRunningByAHubThatStoppedIsFailedAsAbandonedWhenTheNextStarts() {
        jdbc.sql("""
                insert into reconciliation_run (status, started_by, trigger_kind, running_slot, started_at, heartbeat_at)
                values ('running', 'schedule', 'schedule', 1, :at, :at)""")
                .param("at", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusHours(1)).update();
        long abandoned = latestRunId();

        long id = start("dms");

        assertThat(id).isGreaterThan(abandoned);
        JsonNode old = json(api("GET", RUNS + "/" + abandoned, null, "viewer").body());
        assertThat(old.get("status").asText()).isEqualTo("failed");
        assertThat(old.get("reason").asText()).contains("abandoned");
        finished(id);
    }

    @Test
    void theScheduleStartsARun() throws Exception {
        long before = latestRunId();

        camel.getComponent("quartz", QuartzComponent.class).getScheduler().triggerJob(JobKey.jobKey("reconciliation", "hub"));

        long id = await().atMost(Duration.ofSeconds(30)).until(this::latestRunId, latest -> latest > before);
        JsonNode run = finished(id);
        assertThat(run.get("trigger").asText()).isEqualTo("schedule");
        assertThat(run.get("startedBy").asText()).isEqualTo("schedule");
        assertThat(run.get("status").asText()).isEqualTo("completed");
    }

    // ---- helpers

    /** A new matter in matter management, delivered to billing and the DMS. */
    private Provisioned provision(String description) {
        String number = newMatterNumber();
        long client = sandbox.createClient("Reconciled Ltd " + number, "Company");
        sandbox.createMatter(number, description, client, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered(number, "billing") && delivered(number, "dms"));
        return new Provisioned(number, description, sandbox.billingMatters(number).get(0).get("id").asText(),
                sandbox.dmsWorkspaces(number).get(0).get("id").asText());
    }

    private void renameInBilling(Provisioned matter, String name) {
        JsonNode billingMatter = sandbox.billingMatters(matter.number()).get(0);
        sandbox.replaceBillingMatter(matter.billingId(), ((ObjectNode) billingMatter.deepCopy()).put("name", name));
    }

    private boolean delivered(String number, String target) {
        return jdbc.sql("select count(*) from delivery_state where entity_type = 'matter' and hub_key = :k and target = :t")
                .param("k", number).param("t", target).query(Long.class).single() > 0;
    }

    private long start(String system) {
        HttpResponse<String> started = api("POST", RUNS + (system == null ? "" : "?system=" + system), null, "operator");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode run = json(started.body());
        assertThat(run.get("status").asText()).isEqualTo("running");
        assertThat(started.headers().firstValue("Location")).hasValue(RUNS + "/" + run.get("id").asLong());
        return run.get("id").asLong();
    }

    private JsonNode finished(long id) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> json(api("GET", RUNS + "/" + id, null, "viewer").body()),
                        run -> !run.path("status").asText().equals("running"));
    }

    private long latestRunId() {
        return jdbc.sql("select coalesce(max(id), 0) from reconciliation_run").query(Long.class).single();
    }

    private static JsonNode system(JsonNode run, String system) {
        return StreamSupport.stream(run.get("systems").spliterator(), false)
                .filter(s -> s.get("system").asText().equals(system) && s.get("entity").asText().equals("matter")).findFirst()
                .orElseThrow(() -> new AssertionError("run has no result for " + system + ": " + run.get("systems")));
    }

    private static List<JsonNode> findings(JsonNode run) {
        return StreamSupport.stream(run.get("findings").spliterator(), false).toList();
    }

    private static List<JsonNode> findingsFor(JsonNode run, String system, String key) {
        return findings(run).stream()
                .filter(f -> f.get("system").asText().equals(system) && f.path("key").asText().equals(key)).toList();
    }

    private static JsonNode only(JsonNode run, String system, String key) {
        List<JsonNode> found = findingsFor(run, system, key);
        assertThat(found).as("findings for " + key + " in " + system).hasSize(1);
        return found.get(0);
    }

    private List<String> trailDetails(String number) {
        return jdbc.sql("select detail from journal where entity_type = 'matter' and record_key = :k and step = 'resync-requested'")
                .param("k", number).query(String.class).list();
    }

    private static JsonNode json(String body) {
        try {
            return SandboxClient.JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(body, e);
        }
    }

    /** RFC 4180, as a spreadsheet reads it: quoted cells may hold commas, "" and line breaks; rows end in CRLF. */
    private static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        assertThat(cell).as("the CSV ends with CRLF").isEmpty();
        return rows;
    }
}
