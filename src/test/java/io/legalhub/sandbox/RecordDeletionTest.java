package io.legalhub.sandbox;

import static io.legalhub.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.legalhub.sandbox.SandboxHttp.Resp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Records deleted behind the hub's back through the control endpoints, as reconciliation demos need. */
class RecordDeletionTest {

    private static final String DMS = "/automate/work";

    private static SandboxServer sandbox;
    private static SandboxHttp billing;
    private static SandboxHttp dms;

    @BeforeAll
    static void start() {
        sandbox = SandboxServer.start(SandboxSettings.defaults());
        billing = new SandboxHttp(sandbox.baseUrl(SandboxSystem.BILLING));
        dms = new SandboxHttp(sandbox.baseUrl(SandboxSystem.DMS));
    }

    @AfterAll
    static void stop() {
        sandbox.stop();
    }

    @Test
    void aBillingMatterDeletedThroughTheControlEndpointIsGoneAndCannotBeDeletedTwice() {
        String id = billing.post("/api/v1/matters", json("{'number':'2026-0900','name':'To be deleted','client_number':'ACME-001'}"))
                .json().path("id").asText();

        Resp deleted = billing.delete("/_control/matters/" + id);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(billing.get("/api/v1/matters/" + id).status()).isEqualTo(404);
        assertThat(billing.get("/api/v1/matters?number=2026-0900").json().path("items")).isEmpty();
        Resp again = billing.delete("/_control/matters/" + id);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.errorMessage()).contains(id);
        assertThat(billing.delete("/_control/matters/not-an-id").status()).isEqualTo(404);
    }

    @Test
    void aDmsWorkspaceDeletedThroughTheControlEndpointIsGoneFromProfileAndSearch() {
        String id = dms.post(DMS + "/createWorkspace", json("{'libraryId':'LEGAL','templateId':'LEGAL!12',"
                        + "'createChildren':'Only Required Folders','name':'Acme - 2026-0901 - Gone','custom1':'ACME-001','custom2':'2026-0901'}"))
                .json().path("data").path("id").asText();

        Resp deleted = dms.delete("/_control/workspaces/" + id);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(dms.post(DMS + "/getWorkspaceProfile", json("{'workspaceId':'" + id + "'}")).status()).isEqualTo(404);
        assertThat(dms.post(DMS + "/searchWorkspaces", json("{'libraryId':'LEGAL','custom2':'2026-0901'}"))
                .json().path("data").path("results")).isEmpty();
        assertThat(dms.delete("/_control/workspaces/" + id).status()).isEqualTo(404);
    }

    @Test
    void deletionIsAControlCallNotPartOfTheSystemsApi() {
        String id = billing.post("/api/v1/matters", json("{'number':'2026-0902','name':'Kept','client_number':'ACME-001'}"))
                .json().path("id").asText();

        assertThat(billing.delete("/api/v1/matters/" + id).status()).isEqualTo(405);
        assertThat(billing.get("/api/v1/matters/" + id).status()).isEqualTo(200);
    }
}
