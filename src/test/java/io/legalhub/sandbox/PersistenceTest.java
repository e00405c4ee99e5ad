package io.legalhub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.legalhub.sandbox.SandboxHttp.data;
import static io.legalhub.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

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
