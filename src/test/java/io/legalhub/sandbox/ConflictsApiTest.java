package io.legalhub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.sandbox.SandboxHttp.Resp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.legalhub.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ConflictsApiTest {

    private static final String SECRET = "conflicts-secret";
    private static final Map<String, String> ROLE = Map.of("Client", "CLIENT", "Adverse Party", "OPPOSING_PARTY",
            "Opposing Counsel", "OPPOSING_COUNSEL", "Related Party", "RELATED_PARTY", "Co-Counsel", "CO_COUNSEL",
            "Witness", "WITNESS", "Expert", "EXPERT", "Judge", "JUDGE");
    private static SandboxServer sandbox;
    private static WebhookReceiver receiver;
    private static SandboxHttp conflicts;

    @BeforeAll
    static void start() {
        receiver = new WebhookReceiver();
        sandbox = SandboxServer.start(SandboxSettings.builder()
                .webhookTarget(SandboxSystem.CONFLICTS, receiver.url(), SECRET).build());
        conflicts = new SandboxHttp(sandbox.baseUrl(SandboxSystem.CONFLICTS));
    }

    @AfterAll
    static void stop() {
        sandbox.stop();
        receiver.close();
    }

    private static ObjectNode search(String reference, String... nameRolePairs) {
        ObjectNode s = json("{'reference':'" + reference + "','requested_by':'intake@firm.example'}");
        ArrayNode parties = s.putArray("parties");
        for (int i = 0; i < nameRolePairs.length; i += 2) {
            parties.addObject().put("name", nameRolePairs[i]).put("role", nameRolePairs[i + 1]);
        }
        return s;
    }

    @Test
    void aKnownAdverseEntityIsAFuzzyHitAndTheSearchWaitsForADecision() {
        Resp r = conflicts.post("/api/v1/searches", search("2026-9001",
                "Massive Dynamics Corporation", "CLIENT", "Sunnyvale Bakery", "OPPOSING_PARTY"));
        assertThat(r.status()).isEqualTo(201);
        JsonNode s = r.json();
        assertThat(s.path("id").asText()).matches("CS-\\d{6}");
        assertThat(s.path("status").asText()).isEqualTo("completed");
        assertThat(s.path("hits")).hasSize(1);
        JsonNode hit = s.path("hits").get(0);
        assertThat(hit.path("party").asText()).isEqualTo("Massive Dynamics Corporation");
        assertThat(hit.path("role").asText()).isEqualTo("CLIENT");
        assertThat(hit.path("matched_name").asText()).isEqualTo("Massive Dynamic Inc.");
        assertThat(hit.path("other_role").asText()).isEqualTo("OPPOSING_PARTY");
        assertThat(hit.path("other_matter").asText()).isEqualTo("2019-0031");
        assertThat(hit.path("score").asDouble()).isBetween(0.85, 1.0);
        assertThat(s.path("decision").isNull()).isTrue();
    }

    @Test
    void anAdversePartyThatIsAClientElsewhereIsAHit() {
        JsonNode s = conflicts.post("/api/v1/searches", search("2026-9002",
                "Oceanic Holdings Ltd", "CLIENT", "ACME Corp.", "OPPOSING_PARTY")).json();
        assertThat(s.path("hits").findValuesAsText("matched_name")).contains("Acme Corporation");
        assertThat(s.path("hits").findValuesAsText("other_role")).containsOnly("CLIENT");
    }

    @Test
    void aCleanSearchIsAutoClearedAndFiresASignedDecidedWebhook() throws Exception {
        JsonNode s = conflicts.post("/api/v1/searches", search("2026-9003",
                "Zyxwv Quantum Bakeries Ltd", "CLIENT", "Completely Unrelated Person", "OPPOSING_PARTY")).json();
        assertThat(s.path("hits")).isEmpty();
        assertThat(s.path("decision").asText()).isEqualTo("cleared");
        assertThat(s.path("decided_by").asText()).isEqualTo("auto-clear");
        String id = s.path("id").asText();
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.deliveries().stream().anyMatch(d -> d.bodyText().contains(id)));
        WebhookReceiver.Delivery d = receiver.deliveries().stream().filter(x -> x.bodyText().contains(id)).findFirst().orElseThrow();
        assertThat(d.header("X-Hook-Signature")).isEqualTo(WebhookReceiver.hmac(SECRET, d.body()));
        JsonNode event = SandboxHttp.JSON.readTree(d.body());
        assertThat(event.path("model").asText()).isEqualTo("conflict_search");
        assertThat(event.path("event").asText()).isEqualTo("decided");
    }

    @Test
    void anAnalystDecisionIsRecordedVersionedAndSentAsAWebhook() {
        JsonNode s = conflicts.post("/api/v1/searches", search("2026-9004", "Massive Dynamic", "CLIENT")).json();
        String id = s.path("id").asText();
        assertThat(s.path("decision").isNull()).isTrue();
        assertThat(conflicts.post("/api/v1/searches/" + id + "/decision", json("{'decision':'ignored','decided_by':'x'}")).status())
                .isEqualTo(422);
        Resp decided = conflicts.post("/api/v1/searches/" + id + "/decision",
                json("{'decision':'waived','decided_by':'ethics.partner@firm.example','reason':'Former matter unrelated; consent obtained'}"));
        assertThat(decided.status()).isEqualTo(200);
        assertThat(decided.json().path("decision").asText()).isEqualTo("waived");
        assertThat(decided.json().path("version").asInt()).isEqualTo(2);
        assertThat(conflicts.get("/api/v1/searches/" + id).json().path("decided_by").asText()).isEqualTo("ethics.partner@firm.example");
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.deliveries().stream()
                .anyMatch(d -> d.bodyText().contains(id) && d.bodyText().contains("\"waived\"")));
        assertThat(conflicts.get("/api/v1/searches?reference=2026-9004").json().path("data")).hasSize(1);
        assertThat(conflicts.get("/api/v1/searches/CS-999999").status()).isEqualTo(404);
    }

    @Test
    void autoClearCanBeSwitchedOffSoCleanSearchesWaitForADecision() {
        conflicts.put("/_control/settings", json("{'autoClearNoHits':false}"));
        try {
            JsonNode s = conflicts.post("/api/v1/searches", search("2026-9005", "Nobody Known Whatsoever LLC", "CLIENT")).json();
            assertThat(s.path("hits")).isEmpty();
            assertThat(s.path("decision").isNull()).isTrue();
        } finally {
            conflicts.put("/_control/settings", json("{'autoClearNoHits':true,'threshold':0.85}"));
        }
    }

    @Test
    void partiesOfEarlierSearchesJoinTheDatabase() {
        conflicts.post("/api/v1/searches", search("2026-9100", "Quixote Widgets Ltd", "OPPOSING_PARTY"));
        JsonNode s = conflicts.post("/api/v1/searches", search("2026-9101", "Quixote Widgets Limited", "CLIENT")).json();
        assertThat(s.path("hits").findValuesAsText("other_matter")).containsExactly("2026-9100");
    }

    @Test
    void invalidSearchesAnswer422NamingTheFields() {
        Resp r = conflicts.post("/api/v1/searches", json("{'parties':[{'name':'X','role':'FRIEND'},{'role':'CLIENT'}]}"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.errorMessage()).contains("reference").contains("parties[0].role").contains("parties[1].name");
    }

    @Test
    void onlyAHandfulOfSeededMattersProduceConflictHits() {
        try (SandboxServer fresh = SandboxServer.start()) {
            assertThat(seededMattersWithHits(fresh)).containsExactly("2025-0010", "2025-0024", "2026-0004");
        }
    }

    private static List<String> seededMattersWithHits(SandboxServer sandbox) {
        SandboxHttp mm = new SandboxHttp(sandbox.baseUrl(SandboxSystem.MATTER_MANAGEMENT));
        SandboxHttp conflicts = new SandboxHttp(sandbox.baseUrl(SandboxSystem.CONFLICTS));
        List<String> withHits = new ArrayList<>();
        for (JsonNode m : mm.get("/api/v4/matters.json?fields=id,display_number").json().path("data")) {
            ObjectNode s = json("{'reference':'" + m.path("display_number").asText() + "'}");
            ArrayNode parties = s.putArray("parties");
            // a Clio matter lists its relationships without contacts: the parties come from the relationships resource
            JsonNode rels = mm.get("/api/v4/relationships.json?matter_id=" + m.path("id").asLong()
                    + "&fields=description,contact%7Bname%7D").json().path("data");
            for (JsonNode rel : rels) {
                parties.addObject().put("name", rel.path("contact").path("name").asText())
                        .put("role", ROLE.get(rel.path("description").asText()));
            }
            JsonNode result = conflicts.post("/api/v1/searches", s).json();
            if (result.path("hits").size() > 0) {
                withHits.add(m.path("display_number").asText());
            }
        }
        return withHits;
    }
}
