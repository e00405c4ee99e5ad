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
