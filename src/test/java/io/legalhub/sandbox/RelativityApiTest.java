package io.legalhub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.sandbox.SandboxHttp.Resp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static io.legalhub.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The e-discovery system as the Relativity specs define it: Matter Manager, Workspace Service, Object Manager. */
class RelativityApiTest {

    private static final String ENV = "/Relativity.REST/api/relativity-environment/v1";
    private static final String MATTERS = ENV + "/workspaces/-1/matters";
    private static final String WS = "/api/workspace-service/v1";
    private static final String OM = "/Relativity.REST/api/Relativity.ObjectManager/v1/workspace/-1/object";
    private static final long ACME = 1_015_001L;
    private static final long ACTIVE_MATTER = 671;
    private static final long INACTIVE_MATTER = 672;
    private static final String[] CSRF = {"X-CSRF-Header", "-"};

    private static SandboxServer sandbox;
    private static SandboxHttp rel;
    private static int numbers;

    @BeforeAll
    static void start() {
        sandbox = SandboxServer.start(SandboxSettings.builder().ediscoveryJobDelay(Duration.ofMillis(50)).build());
        rel = new SandboxHttp(sandbox.baseUrl(SandboxSystem.EDISCOVERY));
    }

    @AfterAll
    static void stop() {
        sandbox.stop();
    }

    @AfterEach
    void clearFaultsAndJobSettings() {
        rel.delete("/_control/faults");
        rel.patch("/_control/workspace-jobs", json("{'delayMs':50,'failNext':0}"));
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static String nextNumber() {
        return String.format("REL-%04d", ++numbers);
    }

    private static ObjectNode matterRequest(String name, String number, long client, long status) {
        return json("{'MatterRequest':{'Name':'" + name + "','Number':'" + number + "',"
                + "'Client':{'Secured':false,'Value':{'ArtifactID':" + client + "}},"
                + "'Status':{'Secured':false,'Value':{'ArtifactID':" + status + "}},"
                + "'Keywords':'supply; contract','Notes':'Provisioned by Legal Hub'}}");
    }

    private static long createMatter(String number) {
        Resp r = rel.post(MATTERS, matterRequest("Acme v. Globex", number, ACME, ACTIVE_MATTER));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().asLong();
    }

    private static String startJob(long matterId, String name) {
        Resp r = rel.post(WS + "/workspace-job", json("{'Name':'" + name + "','UseCase':'Litigation','MatterArtifactId':" + matterId + "}"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().path("JobId").asText();
    }

    private static JsonNode awaitJob(String jobId) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> {
            last.set(rel.get(WS + "/workspace-job/" + jobId).json());
            return !last.get().path("JobState").asText().equals("InProgress");
        });
        return last.get();
    }

    private static long createWorkspace(long matterId, String name) {
        JsonNode job = awaitJob(startJob(matterId, name));
        assertThat(job.path("JobState").asText()).isEqualTo("Completed");
        return job.path("WorkspaceArtifactId").asLong();
    }

    private static Resp om(String operation, String query, ObjectNode body) {
        return rel.send("POST", OM + "/" + operation + query, body, CSRF);
    }

    private static ObjectNode queryRequest(int artifactTypeId, String condition, String... fields) {
        ObjectNode request = json("{'ObjectType':{'ArtifactTypeID':" + artifactTypeId + "}}");
        request.put("Condition", condition);
        var list = request.putArray("Fields");
        for (String f : fields) {
            list.addObject().put("Name", f);
        }
        ObjectNode body = SandboxHttp.obj();
        body.set("request", request);
        return body;
    }

    private static List<Long> artifactIds(JsonNode queryResult) {
        List<Long> ids = new ArrayList<>();
        queryResult.path("Objects").forEach(o -> ids.add(o.path("ArtifactID").asLong()));
        return ids;
    }

    private static List<String> propertyNames(JsonNode keplerProblem) {
        List<String> names = new ArrayList<>();
        keplerProblem.path("Errors").forEach(e -> names.add(e.path("PropertyName").asText()));
        return names;
    }

    // ------------------------------------------------------------------------------------------ Matter Manager

    @Test
    void aMatterCreatedWithTheBodyWrappedByParameterNameAnswersItsArtifactIdAsABareInteger() {
        String number = nextNumber();
        Resp created = rel.post(MATTERS, matterRequest("Acme v. Globex", number, ACME, ACTIVE_MATTER));

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().isIntegralNumber()).as(created.body()).isTrue();
        long id = created.json().asLong();
        assertThat(id).isGreaterThanOrEqualTo(1_016_001L);
        JsonNode m = rel.get(MATTERS + "/" + id).json();
        assertThat(m.path("ArtifactID").asLong()).isEqualTo(id);
        assertThat(m.path("Name").asText()).isEqualTo("Acme v. Globex");
        assertThat(m.path("Number").asText()).isEqualTo(number);
        assertThat(m.path("Client").path("Value").path("ArtifactID").asLong()).isEqualTo(ACME);
        assertThat(m.path("Client").path("Value").path("Name").asText()).isEqualTo("Acme Corporation");
        assertThat(m.path("Client").path("Secured").asBoolean()).isFalse();
        assertThat(m.path("Status").path("Value").path("Name").asText()).isEqualTo("Active");
        assertThat(m.path("Keywords").asText()).isEqualTo("supply; contract");
        assertThat(m.path("CreatedOn").asText()).matches(".*T.*Z");
        assertThat(m.path("LastModifiedOn").asText()).isEqualTo(m.path("CreatedOn").asText());
        assertThat(m.path("LastModifiedBy").path("Name").asText()).isEqualTo("Admin, Relativity");
        assertThat(m.has("Version")).isFalse();
        assertThat(m.has("UpdatedOn")).isFalse();
    }

    @Test
    void anUnwrappedMatterBodyIsRefusedWith400ShowingTheWrapper() {
        ObjectNode bare = (ObjectNode) matterRequest("Acme v. Globex", nextNumber(), ACME, ACTIVE_MATTER).get("MatterRequest");

        Resp r = rel.post(MATTERS, bare);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("ErrorType").asText()).isEqualTo("Relativity.Services.Exceptions.ValidationException");
        assertThat(r.json().path("Message").asText()).contains("{\"MatterRequest\": {…}}");
        assertThat(propertyNames(r.json())).contains("MatterRequest", "Name", "Client");
    }

    @Test
    void clientAndStatusMustReferenceAnEligibleClientAndMatterStatus() {
        Resp badClient = rel.post(MATTERS, matterRequest("X", nextNumber(), 999, ACTIVE_MATTER));
        assertThat(badClient.status()).isEqualTo(400);
        assertThat(propertyNames(badClient.json())).containsExactly("Client");
        assertThat(badClient.json().path("Message").asText()).contains("999").contains("eligible-clients");

        Resp workspaceStatus = rel.post(MATTERS, matterRequest("X", nextNumber(), ACME, 675));
        assertThat(workspaceStatus.status()).as("675 is a workspace status, not a matter status").isEqualTo(400);
        assertThat(propertyNames(workspaceStatus.json())).containsExactly("Status");

        Resp missing = rel.post(MATTERS, json("{'MatterRequest':{'Name':'X','Number':'" + nextNumber() + "'}}"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(propertyNames(missing.json())).containsExactlyInAnyOrder("Client", "Status");

        Resp unknownField = rel.post(MATTERS, json("{'MatterRequest':{'Name':'X','Number':'" + nextNumber() + "',"
                + "'ClientName':'Acme Corporation','Client':{'Secured':false,'Value':{'ArtifactID':" + ACME + "}},"
                + "'Status':{'Secured':false,'Value':{'ArtifactID':" + ACTIVE_MATTER + "}}}}"));
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(propertyNames(unknownField.json())).containsExactly("ClientName");
    }

    @Test
    void eligibleStatusesAndClientsAreListsOfArtifactIdGuidsAndName() {
        JsonNode statuses = rel.get(MATTERS + "/eligible-statuses").json();
        assertThat(statuses.toString()).isEqualTo(
                "[{\"ArtifactID\":671,\"Guids\":[],\"Name\":\"Active\"},{\"ArtifactID\":672,\"Guids\":[],\"Name\":\"Inactive\"}]");

        JsonNode clients = rel.get(ENV + "/workspaces/-1/eligible-clients").json();
        assertThat(clients.size()).isGreaterThanOrEqualTo(22);
        assertThat(clients.get(0).toString()).isEqualTo("{\"ArtifactID\":1015001,\"Guids\":[],\"Name\":\"Acme Corporation\"}");

        JsonNode workspaceStatuses = rel.get(ENV + "/workspace/eligible-statuses").json();
        assertThat(workspaceStatuses.findValuesAsText("Name")).containsExactly("Active", "Inactive", "Archived");
        assertThat(workspaceStatuses.get(0).path("ArtifactID").asLong()).isEqualTo(675);
    }

    @Test
    void aMatterPutReplacesItAndADeleteRemovesItUnlessAWorkspaceBelongsToIt() {
        String number = nextNumber();
        long id = createMatter(number);
        String before = rel.get(MATTERS + "/" + id).json().path("LastModifiedOn").asText();

        Resp put = rel.put(MATTERS + "/" + id, json("{'MatterRequest':{'Name':'Acme v. Globex (closed)','Number':'" + number + "',"
                + "'Client':{'Secured':false,'Value':{'ArtifactID':" + ACME + "}},"
                + "'Status':{'Secured':false,'Value':{'ArtifactID':" + INACTIVE_MATTER + "}}}}"));

        assertThat(put.status()).isEqualTo(200);
        assertThat(put.body()).as("UpdateAsync returns nothing").isEmpty();
        JsonNode m = rel.get(MATTERS + "/" + id).json();
        assertThat(m.path("Status").path("Value").path("Name").asText()).isEqualTo("Inactive");
        assertThat(m.path("Notes").isNull()).as("PUT replaces: Notes was left out").isTrue();
        assertThat(m.path("LastModifiedOn").asText()).isGreaterThan(before);
        assertThat(rel.put(MATTERS + "/99999999", matterRequest("X", number, ACME, ACTIVE_MATTER)).status()).isEqualTo(404);

        long withWorkspace = createMatter(nextNumber());
        createWorkspace(withWorkspace, "Keeps its matter");
        Resp refused = rel.delete(MATTERS + "/" + withWorkspace);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("Message").asText()).contains("workspace");

        assertThat(rel.delete(MATTERS + "/" + id).status()).isEqualTo(200);
        assertThat(rel.get(MATTERS + "/" + id).status()).isEqualTo(404);
    }

    // ------------------------------------------------------------------------------------------ Workspace Service

    @Test
    void workspaceCreationIsAJobThatRunsThenCompletesAndTheWorkspaceCanBeRead() {
        rel.patch("/_control/workspace-jobs", json("{'delayMs':1500}"));
        String number = nextNumber();
        long matterId = createMatter(number);

        Resp started = rel.post(WS + "/workspace-job", json("{'Name':'Acme v. Globex','UseCase':'Litigation',"
                + "'MatterArtifactId':" + matterId + ",'StatusArtifactId':675,'TemplateArtifactId':1015102,"
                + "'Keywords':'supply','Notes':'by the hub'}"));

        assertThat(started.status()).isEqualTo(200);
        String jobId = started.json().path("JobId").asText();
        assertThat(jobId).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        JsonNode running = rel.get(WS + "/workspace-job/" + jobId).json();
        assertThat(running.path("JobState").asText()).isEqualTo("InProgress");
        assertThat(running.path("WorkspaceArtifactId").isNull()).isTrue();
        assertThat(running.path("CurrentStep").asInt()).isBetween(1, 3);
        assertThat(running.path("TotalNumberOfSteps").asInt()).isEqualTo(4);
        assertThat(running.path("Attempt").asInt()).isEqualTo(1);

        JsonNode done = awaitJob(jobId);
        assertThat(done.path("JobState").asText()).isEqualTo("Completed");
        assertThat(done.path("CurrentStep").asInt()).isEqualTo(4);
        long workspaceId = done.path("WorkspaceArtifactId").asLong();
        Resp read = rel.get(WS + "/workspace/" + workspaceId);
        assertThat(read.status()).isEqualTo(200);
        JsonNode w = read.json();
        assertThat(w.path("ArtifactID").asLong()).isEqualTo(workspaceId);
        assertThat(w.path("Name").asText()).isEqualTo("Acme v. Globex");
        assertThat(w.path("Matter").path("Value").path("ArtifactID").asLong()).isEqualTo(matterId);
        assertThat(w.path("MatterNumber").path("Value").asText()).isEqualTo(number);
        assertThat(w.path("Client").path("Value").path("ArtifactID").asLong()).isEqualTo(ACME);
        assertThat(w.path("ClientNumber").path("Value").asText()).isEqualTo("ACME-001");
        assertThat(w.path("Status").path("Name").asText()).isEqualTo("Active");
        assertThat(w.path("Status").path("ArtifactID").asLong()).isEqualTo(675);
        assertThat(w.path("UseCase").asText()).isEqualTo("Litigation");
        assertThat(w.path("JobID").asText()).isEqualTo(jobId);
        assertThat(w.path("SqlFullTextLanguage").path("ID").asInt()).isEqualTo(1033);
        assertThat(w.path("LastModifiedOn").asText()).matches(".*T.*Z");
        assertThat(w.has("DmsWorkspaceId")).isFalse();
    }

    @Test
    void aWorkspaceNameOfFiftyOneCharactersIsRefusedAndFiftyIsAccepted() {
        long matterId = createMatter(nextNumber());
        Resp tooLong = rel.post(WS + "/workspace-job", json("{'Name':'" + "x".repeat(51) + "','UseCase':'Litigation','MatterArtifactId':" + matterId + "}"));

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.header("Content-Type")).startsWith("application/problem+json");
        assertThat(tooLong.json().path("status").asInt()).isEqualTo(400);
        assertThat(tooLong.json().path("title").asText()).isEqualTo("One or more validation errors occurred.");
        assertThat(tooLong.json().path("errors").path("Name").get(0).asText()).contains("50");
        assertThat(rel.post(WS + "/workspace-job", json("{'Name':'" + "x".repeat(50) + "','UseCase':'Litigation','MatterArtifactId':" + matterId + "}"))
                .status()).isEqualTo(200);
    }

    @Test
    void aWorkspaceWithoutUseCaseIsRefused() {
        long matterId = createMatter(nextNumber());

        Resp r = rel.post(WS + "/workspace-job", json("{'Name':'No use case','MatterArtifactId':" + matterId + "}"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").fieldNames()).toIterable().containsExactly("UseCase");
    }

    @Test
    void unknownWorkspacePropertiesAreRefusedBecauseTheSchemaAllowsNoOthers() {
        long matterId = createMatter(nextNumber());

        Resp r = rel.post(WS + "/workspace-job", json("{'Name':'Acme','UseCase':'Litigation','MatterArtifactId':" + matterId + ","
                + "'MatterNumber':'2026-0012','DmsWorkspaceId':'WS-1001'}"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").fieldNames()).toIterable().containsExactlyInAnyOrder("MatterNumber", "DmsWorkspaceId");
        Resp unknownMatter = rel.post(WS + "/workspace-job", json("{'Name':'Acme','UseCase':'Litigation','MatterArtifactId':99999999}"));
        assertThat(unknownMatter.status()).isEqualTo(400);
        assertThat(unknownMatter.json().path("errors").has("MatterArtifactId")).isTrue();
        assertThat(rel.send("POST", WS + "/workspace-job", "{\"Name\":\"x\",\"UseCase\":\"y\"}", null).status())
                .as("a body that is not declared JSON").isEqualTo(415);
    }

    @Test
    void aWorkspaceUpdateWithAStaleLastModifiedOnIsRefusedWith409AndChangesNothing() {
        long workspaceId = createWorkspace(createMatter(nextNumber()), "Optimistic");
        String read = rel.get(WS + "/workspace/" + workspaceId).json().path("LastModifiedOn").asText();

        Resp first = rel.put(WS + "/workspace/" + workspaceId, json("{'WorkspaceRequest':{'Keywords':'first'},'LastModifiedOn':'" + read + "'}"));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("Keywords").asText()).isEqualTo("first");
        assertThat(first.json().path("LastModifiedOn").asText()).isGreaterThan(read);

        Resp stale = rel.put(WS + "/workspace/" + workspaceId, json("{'WorkspaceRequest':{'Keywords':'second'},'LastModifiedOn':'" + read + "'}"));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().path("ErrorType").asText()).isEqualTo("Relativity.Services.Exceptions.ConflictException");
        assertThat(rel.get(WS + "/workspace/" + workspaceId).json().path("Keywords").asText()).isEqualTo("first");
        Resp bare = rel.put(WS + "/workspace/" + workspaceId, json("{'Keywords':'no envelope'}"));
        assertThat(bare.status()).isEqualTo(400);
        assertThat(propertyNames(bare.json())).contains("Keywords", "WorkspaceRequest");
    }

    @Test
    void aJobToldToFailEndsFailedWithoutAWorkspace() {
        rel.patch("/_control/workspace-jobs", json("{'failNext':1}"));
        long matterId = createMatter(nextNumber());

        JsonNode job = awaitJob(startJob(matterId, "Doomed"));

        assertThat(job.path("JobState").asText()).isEqualTo("Failed");
        assertThat(job.path("WorkspaceArtifactId").isNull()).isTrue();
        assertThat(awaitJob(startJob(matterId, "Next one")).path("JobState").asText()).isEqualTo("Completed");
    }

    // ------------------------------------------------------------------------------------------ Object Manager

    @Test
    void objectManagerFindsAMatterByNumberAndAClientByClientNumber() {
        String number = nextNumber();
        long matterId = createMatter(number);

        Resp r = om("query", "?start=1&length=10", queryRequest(6, "'Number' == '" + number + "'", "Name", "Number", "Client"));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode result = r.json();
        assertThat(result.path("TotalCount").asInt()).isEqualTo(1);
        assertThat(result.path("ResultCount").asInt()).isEqualTo(1);
        assertThat(result.path("CurrentStartIndex").asInt()).isEqualTo(1);
        assertThat(result.path("ObjectType").path("ArtifactTypeID").asInt()).isEqualTo(6);
        JsonNode matter = result.path("Objects").get(0);
        assertThat(matter.path("ArtifactID").asLong()).isEqualTo(matterId);
        JsonNode values = matter.path("FieldValues");
        assertThat(values.findValuesAsText("Name")).startsWith("Name", "Number", "Client");
        assertThat(values.get(0).path("Field").path("Name").asText()).isEqualTo("Name");
        assertThat(values.get(1).path("Value").asText()).isEqualTo(number);
        assertThat(values.get(2).path("Value").path("ArtifactID").asLong()).isEqualTo(ACME);
        assertThat(values.get(2).path("Field").path("FieldType").asText()).isEqualTo("SingleObject");

        JsonNode client = om("query", "?start=1&length=10", queryRequest(5, "'Client Number' == 'ACME-001'", "Name")).json();
        assertThat(client.path("TotalCount").asInt()).isEqualTo(1);
        assertThat(client.path("Objects").get(0).path("ArtifactID").asLong()).isEqualTo(ACME);
        assertThat(om("query", "?start=1&length=10", queryRequest(6, "'Number' == 'NO-SUCH'")).json().path("TotalCount").asInt()).isZero();
    }

    @Test
    void objectManagerFindsTheWorkspacesOfAMatterWithObjectConditionsJoinedByAnd() {
        long matterId = createMatter(nextNumber());
        long first = createWorkspace(matterId, "First");
        long second = createWorkspace(matterId, "Second");

        JsonNode both = om("queryslim", "?start=1&length=10", queryRequest(8, "('Matter' == OBJECT " + matterId + ")", "Name", "Matter")).json();
        assertThat(both.path("TotalCount").asInt()).isEqualTo(2);
        assertThat(artifactIds(both)).containsExactly(first, second);
        assertThat(both.path("Objects").get(1).path("Values").get(0).asText()).isEqualTo("Second");
        assertThat(both.path("Fields").findValuesAsText("Name")).containsExactly("Name", "Matter");

        JsonNode one = om("query", "?start=1&length=10",
                queryRequest(8, "'Matter' == OBJECT " + matterId + " AND 'Name' == 'second'")).json();
        assertThat(one.path("TotalCount").asInt()).as("text compares case-insensitively").isEqualTo(1);
        assertThat(one.path("Objects").get(0).path("ArtifactID").asLong()).isEqualTo(second);

        JsonNode page = om("query", "?start=2&length=1", queryRequest(8, "'Matter' == OBJECT " + matterId)).json();
        assertThat(page.path("TotalCount").asInt()).isEqualTo(2);
        assertThat(page.path("ResultCount").asInt()).isEqualTo(1);
        assertThat(page.path("CurrentStartIndex").asInt()).isEqualTo(2);
        assertThat(page.path("Objects").get(0).path("ArtifactID").asLong()).isEqualTo(second);
    }

    @Test
    void theDmsWorkspaceCustomFieldIsWrittenWithObjectManagerUpdateAndReadBack() {
        long workspaceId = createWorkspace(createMatter(nextNumber()), "Linked to the DMS");
        String before = rel.get(WS + "/workspace/" + workspaceId).json().path("LastModifiedOn").asText();

        Resp update = om("update", "", json("{'request':{'Object':{'ArtifactID':" + workspaceId + "},"
                + "'FieldValues':[{'Field':{'Name':'DMS Workspace'},'Value':'LEGAL!1001'}]}}"));

        assertThat(update.status()).as(update.body()).isEqualTo(200);
        assertThat(update.json().path("EventHandlerStatuses").isArray()).isTrue();
        Resp read = om("read", "", json("{'request':{'Object':{'ArtifactID':" + workspaceId + "},'Fields':[{'Name':'DMS Workspace'},{'Name':'Name'}]}}"));
        assertThat(read.status()).isEqualTo(200);
        JsonNode values = read.json().path("Object").path("FieldValues");
        assertThat(values.get(0).path("Field").path("Name").asText()).isEqualTo("DMS Workspace");
        assertThat(values.get(0).path("Value").asText()).isEqualTo("LEGAL!1001");
        assertThat(values.get(1).path("Value").asText()).isEqualTo("Linked to the DMS");
        assertThat(read.json().path("ObjectVersionToken").asText()).isNotBlank();
        JsonNode found = om("query", "?start=1&length=10", queryRequest(8, "'DMS Workspace' == 'LEGAL!1001'")).json();
        assertThat(artifactIds(found)).containsExactly(workspaceId);
        assertThat(rel.get(WS + "/workspace/" + workspaceId).json().path("LastModifiedOn").asText()).isGreaterThan(before);

        Resp readOnly = om("update", "", json("{'request':{'Object':{'ArtifactID':" + workspaceId + "},"
                + "'FieldValues':[{'Field':{'Name':'Name'},'Value':'Renamed'}]}}"));
        assertThat(readOnly.status()).isEqualTo(400);
        assertThat(readOnly.json().path("Message").asText()).contains("DMS Workspace");
        Resp staleToken = om("update", "", json("{'request':{'Object':{'ArtifactID':" + workspaceId + "},'ObjectVersionToken':'"
                + read.json().path("ObjectVersionToken").asText() + "','FieldValues':[{'Field':{'Name':'DMS Workspace'},'Value':'LEGAL!1002'}]}}"));
        assertThat(staleToken.status()).as("the token still matches: nothing changed since the read").isEqualTo(200);
        Resp conflict = om("update", "", json("{'request':{'Object':{'ArtifactID':" + workspaceId + "},'ObjectVersionToken':'"
                + read.json().path("ObjectVersionToken").asText() + "','FieldValues':[{'Field':{'Name':'DMS Workspace'},'Value':'LEGAL!1003'}]}}"));
        assertThat(conflict.status()).isEqualTo(409);
    }

    @Test
    void conditionsOutsideTheSupportedLanguageAreRefusedWithAnExplanation() {
        for (String condition : List.of("'Name' LIKE 'Acme%'", "'Number' == 123", "'Matter' == 1016001",
                "'Name' == 'a' OR 'Name' == 'b'", "'Status' == 'Active'", "'Nope' == 'x'", "'Name' == 'unclosed")) {
            Resp r = om("query", "?start=1&length=10", queryRequest(8, condition));
            assertThat(r.status()).as(condition).isEqualTo(400);
            assertThat(r.json().path("Message").asText()).as(condition).contains("'Field' == OBJECT 123").contains("AND");
            assertThat(propertyNames(r.json())).as(condition).containsExactly("Condition");
        }
        Resp unknownType = om("query", "?start=1&length=10", queryRequest(10, ""));
        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(unknownType.json().path("Message").asText()).contains("Client (ArtifactTypeID 5)");
    }

    @Test
    void objectManagerNeedsTheCsrfHeaderAndStartAndLengthInTheQueryString() {
        Resp withoutHeader = rel.post(OM + "/query?start=1&length=10", queryRequest(5, ""));
        assertThat(withoutHeader.status()).as("Kepler answers 404 without X-CSRF-Header").isEqualTo(404);
        assertThat(withoutHeader.json().path("Message").asText()).contains("X-CSRF-Header");
        assertThat(rel.send("POST", OM + "/query?start=1&length=10", queryRequest(5, ""), new String[]{"X-CSRF-Header", " "}).status())
                .as("an empty value counts as missing").isEqualTo(404);
        assertThat(om("query", "?start=1&length=10", queryRequest(5, "")).json().path("TotalCount").asInt()).isGreaterThanOrEqualTo(22);
        assertThat(rel.get(MATTERS + "/eligible-statuses").status()).as("the environment spec does not declare the header").isEqualTo(200);

        Resp noPaging = om("query", "", queryRequest(5, ""));
        assertThat(noPaging.status()).isEqualTo(400);
        assertThat(noPaging.json().path("Message").asText()).contains("start");
        ObjectNode pagingInBody = queryRequest(5, "");
        pagingInBody.put("start", 1);
        Resp inBody = om("query", "?start=1&length=10", pagingInBody);
        assertThat(inBody.status()).isEqualTo(400);
        assertThat(propertyNames(inBody.json())).containsExactly("start");
    }

    // ------------------------------------------------------------------------------------------ sandbox behaviour

    @Test
    void rejectRecordsRefusesWritesOfMattersAndWorkspacesWithThatMatterNumber() {
        String number = nextNumber();
        long matterId = createMatter(number);
        long workspaceId = createWorkspace(matterId, "Rejected later");
        rel.patch("/_control/faults", json("{'rejectRecords':{'" + number + "':'Matter is on litigation hold'}}"));

        Resp matter = rel.post(MATTERS, matterRequest("Again", number, ACME, ACTIVE_MATTER));
        assertThat(matter.status()).isEqualTo(400);
        assertThat(matter.json().path("Message").asText()).isEqualTo("Matter is on litigation hold");
        Resp job = rel.post(WS + "/workspace-job", json("{'Name':'Another','UseCase':'Litigation','MatterArtifactId':" + matterId + "}"));
        assertThat(job.status()).isEqualTo(400);
        assertThat(job.json().path("detail").asText()).isEqualTo("Matter is on litigation hold");
        Resp update = om("update", "", json("{'request':{'Object':{'ArtifactID':" + workspaceId + "},"
                + "'FieldValues':[{'Field':{'Name':'DMS Workspace'},'Value':'LEGAL!9'}]}}"));
        assertThat(update.status()).isEqualTo(400);
        assertThat(rel.get(MATTERS + "/" + matterId).status()).as("reads are not rejected").isEqualTo(200);
        assertThat(rel.post(MATTERS, matterRequest("Other", nextNumber(), ACME, ACTIVE_MATTER)).status()).isEqualTo(200);
        JsonNode log = rel.get("/_control/requests?limit=20").json().path("requests");
        assertThat(log.findValuesAsText("fault")).contains("rejectRecords");
    }

    @Test
    void errorsAreKeplerProblemDetailsAndTheJobEndpointsProblemDetails() {
        Resp notFound = rel.get(MATTERS + "/99999999");
        assertThat(notFound.status()).isEqualTo(404);
        List<String> keys = new ArrayList<>();
        notFound.json().fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("ErrorType", "Identifier", "Message", "Errors");
        assertThat(notFound.json().path("ErrorType").asText()).isEqualTo("Relativity.Services.Exceptions.NotFoundException");
        assertThat(notFound.json().path("Identifier").asText()).isNotBlank();

        Resp noJob = rel.get(WS + "/workspace-job/00000000-0000-4000-8000-000000000000");
        assertThat(noJob.status()).isEqualTo(404);
        assertThat(noJob.json().path("status").asInt()).isEqualTo(404);
        assertThat(noJob.json().path("title").asText()).isEqualTo("Not Found");
        assertThat(noJob.json().has("ErrorType")).isFalse();
        assertThat(rel.get(WS + "/workspace/99999999").json().path("ErrorType").asText()).endsWith("NotFoundException");

        rel.put("/_control/faults", json("{'outageSeconds':60}"));
        Resp outage = rel.get(MATTERS + "/eligible-statuses");
        assertThat(outage.status()).isEqualTo(503);
        assertThat(outage.header("Retry-After")).isNotBlank();
        assertThat(outage.json().path("ErrorType").asText()).isEqualTo("Relativity.Services.Exceptions.ServiceException");
        assertThat(rel.send("GET", MATTERS + "/eligible-statuses", null, new String[]{"X-Sandbox-Observer", "true"}).status())
                .as("observers are not faulted").isEqualTo(200);
    }

    @Test
    void statsReportMattersDuplicatedByNumberAndWorkspacesDuplicatedByMatter() {
        String number = nextNumber();
        long a = createMatter(number);
        long b = createMatter(number);
        long w1 = createWorkspace(a, "One");
        long w2 = createWorkspace(a, "Two");

        JsonNode dups = rel.get("/_control/stats").json().path("duplicates");

        assertThat(dups.path("matters").path(number).toString()).isEqualTo("[" + a + "," + b + "]");
        assertThat(dups.path("workspaces").path(number).toString()).isEqualTo("[" + w1 + "," + w2 + "]");
    }

    @Test
    void controlEndpointsAddAClientAndDeleteAWorkspaceBehindTheHubsBack() {
        Resp client = rel.post("/_control/clients", json("{'Name':'Northwind Traders','ClientNumber':'NWT-900'}"));
        assertThat(client.status()).isEqualTo(201);
        long clientId = client.json().path("ArtifactID").asLong();
        assertThat(rel.get(ENV + "/workspaces/-1/eligible-clients").json().findValuesAsText("Name")).contains("Northwind Traders");
        long matterId = createMatterFor(clientId);
        long workspaceId = createWorkspace(matterId, "Northwind");
        assertThat(rel.get(WS + "/workspace/" + workspaceId).json().path("ClientNumber").path("Value").asText()).isEqualTo("NWT-900");

        assertThat(rel.delete("/_control/workspaces/" + workspaceId).status()).isEqualTo(204);

        assertThat(rel.get(WS + "/workspace/" + workspaceId).status()).isEqualTo(404);
        assertThat(om("query", "?start=1&length=10", queryRequest(8, "'Matter' == OBJECT " + matterId)).json().path("TotalCount").asInt()).isZero();
        assertThat(rel.delete("/_control/workspaces/" + workspaceId).status()).isEqualTo(404);
    }

    private static long createMatterFor(long clientId) {
        Resp r = rel.post(MATTERS, matterRequest("Northwind matter", nextNumber(), clientId, ACTIVE_MATTER));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().asLong();
    }
}
