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

    @TempDir
    Path dataDir;

    @Test
    void dataIdsAndClockSurviveARestartAndSeedingIsNotRepeated() {
        long createdId;
        String createdAt;
        String billingId;
        try (SandboxServer first = SandboxServer.start(SandboxSettings.builder().dataDir(dataDir).build())) {
            SandboxHttp mm = new SandboxHttp(first.baseUrl(SandboxSystem.MATTER_MANAGEMENT));
            JsonNode m = mm.post("/api/v4/matters", data(json("{'description':'Persisted matter','client':{'id':501}}"))).json().path("data");
            createdId = m.path("id").asLong();
            createdAt = m.path("updated_at").asText();
            billingId = new SandboxHttp(first.baseUrl(SandboxSystem.BILLING))
                    .post("/api/v1/matters", json("{'number':'2026-0500','name':'Persisted','client_number':'ACME-001'}"))
                    .json().path("id").asText();
        }
        for (SandboxSystem s : SandboxSystem.values()) {
            assertThat(Files.exists(dataDir.resolve(s.prefix() + ".mv"))).as(s.prefix()).isTrue();
        }
        try (SandboxServer second = SandboxServer.start(SandboxSettings.builder().dataDir(dataDir).build())) {
            SandboxHttp mm = new SandboxHttp(second.baseUrl(SandboxSystem.MATTER_MANAGEMENT));
            assertThat(mm.get("/api/v4/matters/" + createdId).json().path("data").path("description").asText()).isEqualTo("Persisted matter");
            assertThat(mm.get("/api/v4/matters?limit=1").json().path("meta").path("records").asInt()).as("not re-seeded").isEqualTo(61);
            JsonNode next = mm.post("/api/v4/matters", data(json("{'description':'After restart','client':{'id':501}}"))).json().path("data");
            assertThat(next.path("id").asLong()).isEqualTo(createdId + 1);
            assertThat(next.path("updated_at").asText()).isGreaterThan(createdAt);
            SandboxHttp billing = new SandboxHttp(second.baseUrl(SandboxSystem.BILLING));
            assertThat(billing.get("/api/v1/matters/" + billingId).json().path("number").asText()).isEqualTo("2026-0500");
            assertThat(billing.get("/api/v1/clients").json().path("total").asInt()).isEqualTo(22);
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
            assertThat(mm.get("/api/v4/matters").json().path("meta").path("records").asInt()).isZero();
            assertThat(mm.post("/_control/reset?seed=true", null).status()).isEqualTo(200);
            assertThat(mm.get("/api/v4/matters").json().path("meta").path("records").asInt()).isEqualTo(60);
            assertThat(mm.get("/api/v4/matters/1001").status()).isEqualTo(200);
        }
        try (SandboxServer empty = SandboxServer.start(SandboxSettings.builder().seed(false).build())) {
            SandboxHttp mm = new SandboxHttp(empty.baseUrl(SandboxSystem.MATTER_MANAGEMENT));
            assertThat(mm.get("/api/v4/matters").json().path("meta").path("records").asInt()).isZero();
        }
    }
}
