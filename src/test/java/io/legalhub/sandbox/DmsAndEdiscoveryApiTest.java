package io.legalhub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.legalhub.sandbox.SandboxHttp.Resp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.legalhub.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

/** E-discovery API tests; the DMS's are in {@link ImanageWorkApiTest}. */
class DmsAndEdiscoveryApiTest {

    private static final String REL = "/Relativity.Rest/API/relativity-environment/v1/workspaces";
    private static SandboxServer sandbox;
    private static SandboxHttp ed;

    @BeforeAll
    static void start() {
        sandbox = SandboxServer.start(SandboxSettings.defaults());
        ed = new SandboxHttp(sandbox.baseUrl(SandboxSystem.EDISCOVERY));
    }

    @AfterAll
    static void stop() {
        sandbox.stop();
    }

    @Test
    void ediscoveryMattersAndWorkspacesAreCreatedFoundAndReplaced() {
        Resp created = ed.post(REL + "/-1/matters", json("{'Name':'Acme v. Globex','Number':'2026-0012','ClientName':'Acme Corporation',"
                + "'Status':'Active','Notes':'Provisioned by Legal Hub'}"));
        assertThat(created.status()).isEqualTo(201);
        JsonNode m = created.json();
        long artifactId = m.path("ArtifactID").asLong();
        assertThat(artifactId).isGreaterThanOrEqualTo(1_016_001L);
        assertThat(m.path("Version").asInt()).isEqualTo(1);
        assertThat(m.path("UpdatedOn").asText()).isNotBlank();
        assertThat(ed.get(REL + "/-1/matters?number=2026-0012").json().path("Results")).hasSize(1);

        Resp replaced = ed.put(REL + "/-1/matters/" + artifactId, json("{'Name':'Acme v. Globex','Number':'2026-0012',"
                + "'ClientName':'Acme Corporation','Status':'Inactive'}"));
        assertThat(replaced.json().path("Version").asInt()).isEqualTo(2);
        assertThat(replaced.json().path("Status").asText()).isEqualTo("Inactive");
        assertThat(replaced.json().path("Notes").isNull()).isTrue();

        Resp ws = ed.post(REL, json("{'Name':'ACME-GLOBEX','MatterArtifactID':" + artifactId + ",'DmsWorkspaceId':'WS-1001',"
                + "'Keywords':'supply; contract'}"));
        assertThat(ws.status()).isEqualTo(201);
        assertThat(ws.json().path("MatterNumber").asText()).isEqualTo("2026-0012");
        assertThat(ws.json().path("Status").asText()).isEqualTo("Active");
        assertThat(ed.get(REL + "?matter_number=2026-0012").json().path("Results")).hasSize(1);
        long wsId = ws.json().path("ArtifactID").asLong();
        assertThat(ed.get(REL + "/" + wsId).json().path("Name").asText()).isEqualTo("ACME-GLOBEX");
        assertThat(ed.put(REL + "/" + wsId, json("{'Name':'ACME-GLOBEX','MatterNumber':'2026-0012','Status':'Archived'}"))
                .json().path("Version").asInt()).isEqualTo(2);

        Resp invalid = ed.post(REL + "/-1/matters", json("{'ClientName':'x'}"));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.errorMessage()).contains("Name").contains("Number");
        assertThat(ed.post(REL, json("{'Keywords':'x'}")).errorMessage()).contains("Name");
        assertThat(ed.get(REL + "/-1/matters/" + wsId).status()).as("a workspace id is not a matter").isEqualTo(404);
    }
}
