package io.legalhub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.sandbox.SandboxHttp.Resp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import static io.legalhub.sandbox.SandboxHttp.data;
import static io.legalhub.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class MatterManagementApiTest {

    private static final String SECRET = "mm-test-secret";
    private static SandboxServer sandbox;
    private static WebhookReceiver receiver;
    private static SandboxHttp mm;

    @BeforeAll
    static void start() {
        receiver = new WebhookReceiver();
        sandbox = SandboxServer.start(SandboxSettings.builder()
                .webhookTarget(SandboxSystem.MATTER_MANAGEMENT, receiver.url(), SECRET)
                .webhookBackoff(Duration.ofMillis(20))
                .build());
        mm = new SandboxHttp(sandbox.baseUrl(SandboxSystem.MATTER_MANAGEMENT));
    }

    @AfterAll
    static void stop() {
        sandbox.stop();
        receiver.close();
    }

    @BeforeEach
    void clearReceiver() {
        receiver.clear();
    }

    static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static List<JsonNode> webhooksFor(String model, long id) {
        List<JsonNode> out = new ArrayList<>();
        for (WebhookReceiver.Delivery d : receiver.deliveries()) {
            JsonNode n;
            try {
                n = SandboxHttp.JSON.readTree(d.body());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            if (n.path("model").asText().equals(model) && n.path("data").path("id").asLong() == id) {
                out.add(n);
            }
        }
        return out;
    }

    private static long firstClientId() {
        return mm.get("/api/v4/contacts?client_number=ACME-001").json().path("data").get(0).path("id").asLong();
    }

    @Test
    void cursorPagingReturnsEveryMatterExactlyOnceEvenWhenMattersChangeDuringPaging() {
        Set<Long> before = new HashSet<>();
        for (JsonNode m : mm.get("/api/v4/matters?limit=200").json().path("data")) {
            before.add(m.path("id").asLong());
        }
        List<Long> seen = new ArrayList<>();
        String next = "/api/v4/matters?limit=7&order=id(asc)";
        int page = 0;
        long created = -1;
        while (next != null) {
            JsonNode body = mm.get(next).json();
            body.path("data").forEach(m -> seen.add(m.path("id").asLong()));
            if (page == 1) {
                // change a record already seen, one not yet seen, and add a new one
                mm.post("/_control/matters/" + seen.get(0) + "/touch", null);
                mm.post("/_control/matters/" + (seen.get(seen.size() - 1) + 20) + "/touch", null);
                created = mm.post("/api/v4/matters", data(json("{'description':'Mid-paging matter','client':{'id':" + firstClientId() + "}}")))
                        .json().path("data").path("id").asLong();
            }
            JsonNode nextNode = body.path("meta").path("paging").path("next");
            next = nextNode.isMissingNode() || nextNode.isNull() ? null : nextNode.asText();
            page++;
        }
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen).containsAll(before);
        assertThat(seen).contains(created);
        assertThat(seen).isSorted();
    }

    @Test
    void nextLinkIsAbsoluteCarriesTheFiltersAndIsAbsentOnTheLastPage() {
        JsonNode first = mm.get("/api/v4/matters?status=Open&limit=10").json();
        int total = first.path("meta").path("records").asInt();
        assertThat(total).isGreaterThan(10);
        String next = first.path("meta").path("paging").path("next").asText();
        assertThat(next).startsWith(sandbox.baseUrl(SandboxSystem.MATTER_MANAGEMENT) + "/api/v4/matters?")
                .contains("status=Open").contains("limit=10").contains("page_token=");
        int count = first.path("data").size();
        JsonNode last = first;
        while (last.path("meta").path("paging").has("next")) {
            last = mm.get(last.path("meta").path("paging").path("next").asText()).json();
            count += last.path("data").size();
            last.path("data").forEach(m -> assertThat(m.path("status").asText()).isEqualTo("Open"));
        }
        assertThat(count).isEqualTo(total);
        assertThat(last.path("meta").path("paging").has("next")).isFalse();
    }

    @Test
    void updatedSinceIsInclusiveAndReturnsOnlyLaterChanges() {
        JsonNode all = mm.get("/api/v4/matters?limit=200").json().path("data");
        long target = all.get(3).path("id").asLong();
        JsonNode touched = mm.post("/_control/matters/" + target + "/touch", null).json().path("data");
        String since = touched.path("updated_at").asText();
        JsonNode changed = mm.get("/api/v4/matters?updated_since=" + URLEncoder.encode(since, StandardCharsets.UTF_8)).json();
        assertThat(changed.path("data")).isNotEmpty();
        changed.path("data").forEach(m -> assertThat(m.path("updated_at").asText()).isGreaterThanOrEqualTo(since));
        assertThat(changed.path("data").findValues("id").stream().map(JsonNode::asLong)).contains(target);
        // an offset timestamp with an unencoded '+' (decoded as a space) is still understood
        Resp plus = mm.get("/api/v4/matters?updated_since=2000-01-01T00:00:00+00:00&limit=1");
        assertThat(plus.status()).isEqualTo(200);
        assertThat(mm.get("/api/v4/matters?updated_since=yesterday").status()).isEqualTo(400);
    }

    @Test
    void createMatterAnswers201AndFiresACorrectlySignedCreatedWebhook() throws Exception {
        ObjectNode body = data(json("{'description':'Acme v. Initrode – patent dispute','client':{'id':" + firstClientId()
                + "},'practice_area':{'id':3},'responsible_attorney':{'id':21},"
                + "'relationships':[{'description':'Adverse Party','contact':{'name':'Initrode LLC','type':'Company'}}]}"));
        Resp r = mm.post("/api/v4/matters", body);
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        JsonNode m = r.json().path("data");
        assertThat(m.path("version").asInt()).isEqualTo(1);
        assertThat(m.path("etag").asText()).isEqualTo("\"1\"");
        assertThat(m.path("display_number").asText()).matches("\\d{4}-\\d{4}");
        assertThat(m.path("status").asText()).isEqualTo("Open");
        assertThat(m.path("client").path("name").asText()).isEqualTo("Acme Corporation");
        assertThat(m.path("practice_area").path("name").asText()).isEqualTo("Litigation");
        assertThat(m.path("responsible_attorney").path("email").asText()).isEqualTo("ana.rivera@firm.example");
        assertThat(m.path("relationships").get(0).path("contact").path("id").asLong()).isPositive();
        assertThat(m.path("conflict_status").asText()).isEqualTo("not_checked");
        assertThat(m.path("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

        long id = m.path("id").asLong();
        await().atMost(Duration.ofSeconds(5)).until(() -> !webhooksFor("matter", id).isEmpty());
        WebhookReceiver.Delivery d = receiver.deliveries().stream()
                .filter(x -> x.bodyText().contains("\"id\":" + id + ",")).findFirst().orElseThrow();
        assertThat(d.header("X-Hook-Signature")).isEqualTo(hmac(SECRET, d.body()));
        assertThat(d.header("Content-Type")).isEqualTo("application/json");
        JsonNode event = SandboxHttp.JSON.readTree(d.body());
        assertThat(event.path("id").asText()).startsWith("evt_");
        assertThat(event.path("model").asText()).isEqualTo("matter");
        assertThat(event.path("event").asText()).isEqualTo("created");
        assertThat(event.path("occurred_at").asText()).isNotBlank();
        assertThat(event.path("data").path("display_number").asText()).isEqualTo(m.path("display_number").asText());
    }

    @Test
    void patchBumpsVersionAndFiresUpdatedWebhookButAnUnchangedPatchDoesNeither() {
        JsonNode m = mm.post("/api/v4/matters", data(json("{'description':'Versioned matter','client':{'id':" + firstClientId() + "}}")))
                .json().path("data");
        long id = m.path("id").asLong();
        Resp patched = mm.patch("/api/v4/matters/" + id, data(json("{'status':'closed','close_date':'2026-03-01'}")));
        assertThat(patched.status()).isEqualTo(200);
        JsonNode p = patched.json().path("data");
        assertThat(p.path("version").asInt()).isEqualTo(2);
        assertThat(p.path("status").asText()).isEqualTo("Closed");
        assertThat(p.path("updated_at").asText()).isGreaterThan(m.path("updated_at").asText());
        await().atMost(Duration.ofSeconds(5)).until(() -> webhooksFor("matter", id).size() == 2);
        assertThat(webhooksFor("matter", id).get(1).path("event").asText()).isEqualTo("updated");

        Resp same = mm.patch("/api/v4/matters/" + id, data(json("{'status':'Closed','description':'Versioned matter'}")));
        assertThat(same.json().path("data").path("version").asInt()).isEqualTo(2);
        assertThat(same.json().path("data").path("updated_at").asText()).isEqualTo(p.path("updated_at").asText());
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> webhooksFor("matter", id).size() == 2);
    }

    @Test
    void ifMatchWithAStaleEtagAnswers412() {
        Resp r = mm.send("PATCH", "/api/v4/matters/1001", data(json("{'client_reference':'X-1'}")), new String[]{"If-Match", "\"999\""});
        assertThat(r.status()).isEqualTo(412);
        assertThat(r.errorType()).isEqualTo("PreconditionFailed");
    }

    @Test
    void createWithoutClientOrDescriptionAnswers422NamingBothFields() {
        Resp r = mm.post("/api/v4/matters", data(json("{'status':'Open'}")));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.errorType()).isEqualTo("ValidationFailed");
        assertThat(r.errorMessage()).contains("client.id").contains("description");
        assertThat(r.json().path("error").path("fields").toString()).contains("client.id", "description");

        Resp bad = mm.post("/api/v4/matters", data(json("{'description':'x','client':{'id':999999},'status':'Dormant','open_date':'15/01/2026'}")));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.errorMessage()).contains("client.id").contains("status").contains("open_date");
    }

    @Test
    void malformedJsonAnswers400NamingTheProblem() {
        Resp r = mm.post("/api/v4/matters", "{\"data\": {\"description\": }");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorType()).isEqualTo("MalformedJson");
        assertThat(r.errorMessage()).contains("line 1");
        Resp noEnvelope = mm.post("/api/v4/matters", json("{'description':'x'}"));
        assertThat(noEnvelope.status()).isEqualTo(400);
        assertThat(noEnvelope.errorMessage()).contains("data");
        assertThat(mm.post("/api/v4/matters", "").errorMessage()).contains("empty");
    }

    @Test
    void unknownIdsAndPathsAnswer404AndWrongMethodsAnswer405() {
        Resp missing = mm.get("/api/v4/matters/424242");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorType()).isEqualTo("NotFound");
        assertThat(mm.get("/api/v4/nothing-here").status()).isEqualTo(404);
        assertThat(mm.get("/api/v4/matters/not-a-number").status()).isEqualTo(404);
        Resp wrong = mm.delete("/api/v4/matters/1001");
        assertThat(wrong.status()).isEqualTo(405);
        assertThat(wrong.header("Allow")).contains("GET").contains("PATCH");
        assertThat(wrong.errorType()).isEqualTo("MethodNotAllowed");
        Resp noSystem = new SandboxHttp(sandbox.baseUrl()).get("/timekeeping/api");
        assertThat(noSystem.status()).isEqualTo(404);
        assertThat(noSystem.json().path("error").path("message").asText()).contains("timekeeping");
    }

    @Test
    void updatedAtStrictlyIncreasesEvenForUpdatesInTheSameMillisecond() {
        List<String> stamps = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            stamps.add(mm.post("/_control/matters/1002/touch", null).json().path("data").path("updated_at").asText());
        }
        for (int i = 1; i < stamps.size(); i++) {
            assertThat(stamps.get(i)).isGreaterThan(stamps.get(i - 1));
        }
    }

    @Test
    void referenceDataIsListed() {
        assertThat(mm.get("/api/v4/users").json().path("data")).hasSize(8);
        assertThat(mm.get("/api/v4/practice_areas").json().path("data").findValuesAsText("name"))
                .contains("Litigation", "Corporate / M&A", "Employment", "Intellectual Property", "Real Estate",
                        "Regulatory & Compliance", "Commercial Contracts");
        Resp c = mm.post("/api/v4/contacts", data(json("{'name':'Jane Roe','type':'Person','email':'jane@roe.example'}")));
        assertThat(c.status()).isEqualTo(201);
        long id = c.json().path("data").path("id").asLong();
        assertThat(mm.get("/api/v4/contacts/" + id).json().path("data").path("name").asText()).isEqualTo("Jane Roe");
        assertThat(mm.post("/api/v4/contacts", data(json("{'name':'No Type'}"))).status()).isEqualTo(422);
    }

    @Test
    void billsAreCreatedAndApprovedOrRejectedWithBillWebhooks() throws Exception {
        ObjectNode bill = data(json("{'number':'INV9001','matter_number':'2026-0012','issued_at':'2026-02-01','due_at':'2026-03-01',"
                + "'currency':'usd','total':2297.00,'line_items':[{'type':'F','total':675.00}],'external_id':'billing:INV9001'}"));
        Resp created = mm.post("/api/v4/bills", bill);
        assertThat(created.status()).isEqualTo(201);
        JsonNode b = created.json().path("data");
        assertThat(b.path("status").asText()).isEqualTo("submitted");
        assertThat(b.path("currency").asText()).isEqualTo("USD");
        assertThat(b.path("matter").path("display_number").asText()).isEqualTo("2026-0012");
        long id = b.path("id").asLong();

        assertThat(mm.patch("/api/v4/bills/" + id, data(json("{'status':'rejected'}"))).status()).isEqualTo(422);
        Resp rejected = mm.patch("/api/v4/bills/" + id, data(json("{'status':'rejected','rejection_reason':'Block billing on line 3'}")));
        assertThat(rejected.json().path("data").path("version").asInt()).isEqualTo(2);
        Resp paid = mm.patch("/api/v4/bills/" + id, data(json("{'status':'paid'}")));
        assertThat(paid.json().path("data").path("paid_at").asText()).isNotBlank();

        await().atMost(Duration.ofSeconds(5)).until(() -> webhooksFor("bill", id).size() == 2);
        List<JsonNode> events = webhooksFor("bill", id);
        assertThat(events).extracting(e -> e.path("event").asText()).containsExactly("updated", "updated");
        assertThat(events.get(0).path("data").path("status").asText()).isEqualTo("rejected");
        assertThat(events.get(1).path("data").path("status").asText()).isEqualTo("paid");

        assertThat(mm.get("/api/v4/bills?status=paid").json().path("data").findValuesAsText("number")).contains("INV9001");
        assertThat(mm.post("/api/v4/bills", data(json("{'number':'X','matter_number':'1999-0001','total':1}"))).errorMessage())
                .contains("matter_number");
    }

    @Test
    void documentsAndNotesAreIndexedPerMatter() {
        Resp doc = mm.post("/api/v4/documents", data(json("{'name':'Complaint.pdf','matter':{'id':1001},'external_id':'DOC-000042',"
                + "'document_type':'Pleading','author':'ARIVERA','version':3,'checksum':'sha256:ab12','size':52311}")));
        assertThat(doc.status()).isEqualTo(201);
        JsonNode d = doc.json().path("data");
        assertThat(d.path("document_version").asInt()).isEqualTo(3);
        assertThat(d.path("version").asInt()).isEqualTo(1);
        assertThat(mm.get("/api/v4/documents?external_id=DOC-000042").json().path("data")).hasSize(1);
        Resp patched = mm.patch("/api/v4/documents/" + d.path("id").asLong(), data(json("{'document_version':4}")));
        assertThat(patched.json().path("data").path("version").asInt()).isEqualTo(2);

        Resp note = mm.post("/api/v4/notes", data(json("{'matter':{'id':1001},'subject':'Production GBX001 received',"
                + "'detail':'3 documents, 7 pages'}")));
        assertThat(note.status()).isEqualTo(201);
        assertThat(mm.get("/api/v4/notes?matter_id=1001").json().path("data").findValuesAsText("subject"))
                .contains("Production GBX001 received");
        assertThat(mm.post("/api/v4/notes", data(json("{'matter':{'id':1001}}"))).errorMessage()).contains("subject");
    }

    @Test
    void aNoteCarriesAnExternalIdToFindItByAndCanBeCorrected() {
        Resp note = mm.post("/api/v4/notes", data(json("{'matter':{'id':1002},'subject':'Production VOL7','external_id':'2025-0002:VOL7',"
                + "'detail':'2 documents'}")));
        assertThat(note.status()).isEqualTo(201);
        long id = note.json().path("data").path("id").asLong();
        assertThat(mm.get("/api/v4/notes?external_id=2025-0002:VOL7").json().path("data").findValuesAsText("subject"))
                .containsExactly("Production VOL7");

        Resp patched = mm.patch("/api/v4/notes/" + id, data(json("{'detail':'3 documents'}")));

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().path("data").path("detail").asText()).isEqualTo("3 documents");
        assertThat(patched.json().path("data").path("version").asInt()).isEqualTo(2);
        assertThat(patched.json().path("data").path("matter").path("display_number").asText()).isEqualTo("2025-0002");
        assertThat(mm.patch("/api/v4/notes/" + id, data(json("{'detail':'3 documents'}"))).json().path("data").path("version").asInt())
                .isEqualTo(2);
        assertThat(mm.patch("/api/v4/notes/" + id, data(json("{'colour':'red'}"))).status()).isEqualTo(422);
    }
}
