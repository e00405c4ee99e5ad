package io.legalhub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.legalhub.sandbox.SandboxHttp.Resp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.legalhub.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DmsAndEdiscoveryApiTest {

    private static final String LIB = "/work/api/v2/customers/1/libraries/LEGAL";
    private static final String SECRET = "dms-secret";
    private static SandboxServer sandbox;
    private static WebhookReceiver receiver;
    private static SandboxHttp dms;

    @BeforeAll
    static void start() {
        receiver = new WebhookReceiver();
        sandbox = SandboxServer.start(SandboxSettings.defaults());
        sandbox.setWebhookTarget(SandboxSystem.DMS, receiver.url(), SECRET);
        dms = new SandboxHttp(sandbox.baseUrl(SandboxSystem.DMS));
    }

    @AfterAll
    static void stop() {
        sandbox.stop();
        receiver.close();
    }

    private static String createWorkspace(String matterNumber) {
        Resp r = dms.post(LIB + "/workspaces", json("{'name':'Acme Corporation - " + matterNumber + " - Supply dispute',"
                + "'description':'Acme v. Globex','custom1':'ACME-001','custom2':'" + matterNumber + "','custom3':'Litigation',"
                + "'owner':'ARIVERA','template':'LIT-TEMPLATE','name_value_pairs':{'hub_ref':'mm:1047'}}"));
        assertThat(r.status()).isEqualTo(201);
        return r.json().path("data").path("id").asText();
    }

    @Test
    void workspacesAreCreatedSearchedAndPatchedWithMergedNameValuePairs() {
        assertThat(dms.get(LIB + "/workspaces").json().path("data")).as("the DMS starts empty").isEmpty();
        String id = createWorkspace("2026-0012");
        assertThat(id).matches("WS-\\d{4,}");
        JsonNode found = dms.get(LIB + "/workspaces/search?custom1=ACME-001&custom2=2026-0012&archived=false").json().path("data");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).path("custom3").asText()).isEqualTo("Litigation");
        assertThat(dms.get(LIB + "/workspaces/search?name=supply").json().path("data")).hasSize(1);

        Resp patched = dms.patch(LIB + "/workspaces/" + id, json("{'archived':true,'name_value_pairs':{'closed_on':'2026-05-01'}}"));
        assertThat(patched.status()).isEqualTo(200);
        JsonNode ws = patched.json().path("data");
        assertThat(ws.path("version").asInt()).isEqualTo(2);
        assertThat(ws.path("archived").asBoolean()).isTrue();
        assertThat(ws.path("name_value_pairs").path("hub_ref").asText()).isEqualTo("mm:1047");
        assertThat(ws.path("name_value_pairs").path("closed_on").asText()).isEqualTo("2026-05-01");
        assertThat(dms.get(LIB + "/workspaces/search?custom2=2026-0012&archived=false").json().path("data")).isEmpty();

        Resp invalid = dms.post(LIB + "/workspaces", json("{'description':'no name'}"));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.errorMessage()).contains("name").contains("custom2");
        assertThat(dms.get("/work/api/v2/customers/1/libraries/OTHER/workspaces").status()).isEqualTo(404);
        assertThat(dms.get(LIB + "/workspaces/WS-9999").status()).isEqualTo(404);
    }

    @Test
    void filingADocumentFiresASignedFiledWebhook() throws Exception {
        String ws = createWorkspace("2026-0020");
        Resp r = dms.post(LIB + "/documents", json("{'workspace_id':'" + ws + "','name':'Complaint','extension':'pdf',"
                + "'type':'PLEADING','author':'ARIVERA','version':1,'checksum':'sha256:9f2c','size':48213}"));
        assertThat(r.status()).isEqualTo(201);
        JsonNode doc = r.json().path("data");
        assertThat(doc.path("id").asText()).matches("DOC-\\d{6}");
        assertThat(doc.path("filed_date").asText()).isNotBlank();
        assertThat(doc.path("custom2").asText()).isEqualTo("2026-0020");
        String id = doc.path("id").asText();
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.deliveries().stream().anyMatch(d -> d.bodyText().contains(id)));
        WebhookReceiver.Delivery d = receiver.deliveries().stream().filter(x -> x.bodyText().contains(id)).findFirst().orElseThrow();
        assertThat(d.header("X-Hook-Signature")).isEqualTo(MatterManagementApiTest.hmac(SECRET, d.body()));
        JsonNode event = SandboxHttp.JSON.readTree(d.body());
        assertThat(event.path("model").asText()).isEqualTo("document");
        assertThat(event.path("event").asText()).isEqualTo("filed");
        assertThat(event.path("data").path("workspace_id").asText()).isEqualTo(ws);

        assertThat(dms.get(LIB + "/documents?workspace_id=" + ws).json().path("data")).hasSize(1);
        assertThat(dms.get(LIB + "/documents/" + id).json().path("data").path("name").asText()).isEqualTo("Complaint");
        assertThat(dms.get(LIB + "/documents?filed_since=2999-01-01T00:00:00Z").json().path("data")).isEmpty();
        assertThat(dms.post(LIB + "/documents", json("{'workspace_id':'WS-9999','name':'x'}")).errorMessage()).contains("workspace_id");
    }
}
