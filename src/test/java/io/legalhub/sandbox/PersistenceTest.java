package io.legalhub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static io.legalhub.sandbox.SandboxHttp.data;
import static io.legalhub.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PersistenceTest {

    private static final String ONE_LINE_INVOICE = "LEDES1998B[]\n"
            + "INVOICE_DATE|INVOICE_NUMBER|CLIENT_ID|LAW_FIRM_MATTER_ID|INVOICE_TOTAL|BILLING_START_DATE|BILLING_END_DATE|"
            + "INVOICE_DESCRIPTION|LINE_ITEM_NUMBER|EXP/FEE/INV_ADJ_TYPE|LINE_ITEM_NUMBER_OF_UNITS|LINE_ITEM_ADJUSTMENT_AMOUNT|"
            + "LINE_ITEM_TOTAL|LINE_ITEM_DATE|LINE_ITEM_TASK_CODE|LINE_ITEM_EXPENSE_CODE|LINE_ITEM_ACTIVITY_CODE|TIMEKEEPER_ID|"
            + "LINE_ITEM_DESCRIPTION|LAW_FIRM_ID|LINE_ITEM_UNIT_COST|TIMEKEEPER_NAME|TIMEKEEPER_CLASSIFICATION|CLIENT_MATTER_ID[]\n"
            + "20261130|PERSIST1|ACME-001|2026-0500|300.00|20261101|20261130|Services|1|F|1.00|0.00|300.00|20261105|L110||A101|"
            + "TK101|Fact investigation|36-4412987|300.00|Rivera, Ana|PARTNR|[]\n";

    @TempDir
    Path dataDir;

    @Test
    void dataIdsAndClockSurviveARestartAndSeedingIsNotRepeated() {
        long createdId;
        String createdAt;
        String billingId;
        String ebillingId;
        JsonNode webhook;
        try (SandboxServer first = SandboxServer.start(SandboxSettings.builder().dataDir(dataDir).build())) {
            SandboxHttp mm = new SandboxHttp(first.baseUrl(SandboxSystem.MATTER_MANAGEMENT));
            JsonNode m = mm.post("/api/v4/matters.json", data(json("{'description':'Persisted matter','client':{'id':501}}"))).json().path("data");
            createdId = m.path("id").asLong();
            createdAt = m.path("updated_at").asText();
            mm.patch("/api/v4/matters/" + createdId + ".json",
                    data(json("{'custom_field_values':[{'custom_field':{'id':3001},'value':'cleared'}]}")));
            webhook = mm.post("/api/v4/webhooks.json", data(json("{'url':'https://127.0.0.1:1/hook','model':'matter','fields':'id'}")))
                    .json().path("data");
            billingId = new SandboxHttp(first.baseUrl(SandboxSystem.BILLING))
                    .post("/api/v1/matters", json("{'number':'2026-0500','name':'Persisted','client_number':'ACME-001'}"))
                    .json().path("id").asText();
            ebillingId = new SandboxHttp(first.baseUrl(SandboxSystem.EBILLING))
                    .post("/api/v1/invoices", SandboxHttp.obj().put("format", "LEDES1998B").put("ledes", ONE_LINE_INVOICE))
                    .json().path("id").asText();
        }
        for (SandboxSystem s : SandboxSystem.values()) {
            assertThat(Files.exists(dataDir.resolve(s.prefix() + ".mv"))).as(s.prefix()).isTrue();
        }
        try (SandboxServer second = SandboxServer.start(SandboxSettings.builder().dataDir(dataDir).build())) {
            SandboxHttp mm = new SandboxHttp(second.baseUrl(SandboxSystem.MATTER_MANAGEMENT));
            assertThat(mm.get("/api/v4/matters/" + createdId + ".json?fields=description").json().path("data").path("description").asText()).isEqualTo("Persisted matter");
            assertThat(mm.get("/api/v4/matters.json?limit=1").json().path("meta").path("records").asInt()).as("not re-seeded").isEqualTo(61);
            assertThat(mm.get("/api/v4/matters/" + createdId + ".json?fields=custom_field_values%7Bvalue%7D").json()
                    .path("data").path("custom_field_values").get(0).path("value").asText()).isEqualTo("cleared");
            JsonNode kept = mm.get("/api/v4/webhooks/" + webhook.path("id").asLong() + ".json?fields=shared_secret,status,expires_at")
                    .json().path("data");
            assertThat(kept.path("shared_secret").asText()).isEqualTo(webhook.path("shared_secret").asText());
            assertThat(kept.path("expires_at").asText()).isEqualTo(webhook.path("expires_at").asText());
            JsonNode next = mm.post("/api/v4/matters.json", data(json("{'description':'After restart','client':{'id':501}}"))).json().path("data");
            assertThat(next.path("id").asLong()).isEqualTo(createdId + 1);
            assertThat(next.path("updated_at").asText()).isGreaterThan(createdAt);
            SandboxHttp billing = new SandboxHttp(second.baseUrl(SandboxSystem.BILLING));
            assertThat(billing.get("/api/v1/matters/" + billingId).json().path("number").asText()).isEqualTo("2026-0500");
            assertThat(billing.get("/api/v1/clients").json().path("total").asInt()).isEqualTo(22);
            SandboxHttp ebilling = new SandboxHttp(second.baseUrl(SandboxSystem.EBILLING));
            assertThat(ebilling.get("/api/v1/invoices/" + ebillingId + "/ledes").body()).isEqualTo(ONE_LINE_INVOICE);
        }
    }

    @Test
    void anEdiscoveryWorkspaceJobStillRunningAtShutdownFinishesAfterTheRestart() {
        String matters = "/Relativity.REST/api/relativity-environment/v1/workspaces/-1/matters";
        String jobs = "/api/workspace-service/v1/workspace-job";
        long matterId;
        String jobId;
        SandboxSettings settings = SandboxSettings.builder().dataDir(dataDir).ediscoveryJobDelay(Duration.ofMillis(800)).build();
        try (SandboxServer first = SandboxServer.start(settings)) {
            SandboxHttp ed = new SandboxHttp(first.baseUrl(SandboxSystem.EDISCOVERY));
            matterId = ed.post(matters, json("{'MatterRequest':{'Name':'Persisted','Number':'2026-0501',"
                    + "'Client':{'Secured':false,'Value':{'ArtifactID':1015001}},'Status':{'Secured':false,'Value':{'ArtifactID':671}}}}")).json().asLong();
            jobId = ed.post(jobs, json("{'Name':'Persisted','UseCase':'Litigation','MatterArtifactId':" + matterId + "}")).json().path("JobId").asText();
            assertThat(ed.get(jobs + "/" + jobId).json().path("JobState").asText()).isEqualTo("InProgress");
        }
        try (SandboxServer second = SandboxServer.start(settings)) {
            SandboxHttp ed = new SandboxHttp(second.baseUrl(SandboxSystem.EDISCOVERY));
            assertThat(ed.get(matters + "/" + matterId).json().path("Number").asText()).isEqualTo("2026-0501");
            assertThat(ed.get("/_control/stats").json().path("records").path("clients").asInt()).as("not re-seeded").isEqualTo(22);
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    ed.get("/_control/stats").json().path("records").path("workspaces").asInt() == 1);
            JsonNode job = ed.get(jobs + "/" + jobId).json();
            assertThat(job.path("JobState").asText()).isEqualTo("Completed");
            assertThat(job.path("WorkspaceArtifactId").asLong()).as("the artifact sequence continues").isEqualTo(matterId + 1);
            assertThat(ed.get("/api/workspace-service/v1/workspace/" + (matterId + 1)).status()).isEqualTo(200);
        }
    }

    @Test
    void resetClearsASystemAndCanReseedIt() {
        try (SandboxServer sandbox = SandboxServer.start(SandboxSettings.builder().dataDir(dataDir).build())) {
            SandboxHttp mm = new SandboxHttp(sandbox.baseUrl(SandboxSystem.MATTER_MANAGEMENT));
            assertThat(mm.post("/_control/reset", null).json().path("records").path("matters").asInt()).isZero();
            assertThat(mm.get("/api/v4/matters.json?fields=id").json().path("meta").path("records").asInt()).isZero();
            assertThat(mm.post("/_control/reset?seed=true", null).status()).isEqualTo(200);
            assertThat(mm.get("/api/v4/matters.json?fields=id").json().path("meta").path("records").asInt()).isEqualTo(60);
            assertThat(mm.get("/api/v4/matters/1001.json").status()).isEqualTo(200);
        }
        try (SandboxServer empty = SandboxServer.start(SandboxSettings.builder().seed(false).build())) {
            SandboxHttp mm = new SandboxHttp(empty.baseUrl(SandboxSystem.MATTER_MANAGEMENT));
            assertThat(mm.get("/api/v4/matters.json?fields=id").json().path("meta").path("records").asInt()).isZero();
        }
    }
}
