package io.legalhub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.legalhub.mapping.MappingLibrary;
import io.legalhub.mapping.MappingSettings;
import io.legalhub.messaging.Envelope;
import io.legalhub.systems.HubSystemsProperties;
import io.legalhub.systems.HubSystemsProperties.CreateJob;
import io.legalhub.systems.HubSystemsProperties.EntityEndpoints;
import io.legalhub.systems.HubSystemsProperties.Part;
import io.legalhub.systems.HubSystemsProperties.UpdateMerge;
import io.legalhub.systems.PermanentSystemFailure;
import io.legalhub.systems.LastReadCopies;
import io.legalhub.systems.SystemClient;
import io.legalhub.systems.TransientSystemFailure;
import io.legalhub.xref.XrefStore;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connector capabilities a vendor's real API needs, against a fake vendor over real HTTP: a record written
 * as several parts naming each other's ids, a lookup that is a POST query, an asynchronous create followed to its
 * end (and resumed, never repeated), and an update built from the target's current record.
 */
class TargetWriterPartsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer vendor;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Function<String, String>> answers = new ConcurrentHashMap<>();
    private final XrefStore xrefs = mock(XrefStore.class);
    private final PendingCreateJobs jobs = mock(PendingCreateJobs.class);
    private final CreateIntents intents = mock(CreateIntents.class);
    private LastReadCopies copies;
    private final HubSystemsProperties properties = new HubSystemsProperties();
    private final EntityEndpoints endpoints = new EntityEndpoints();
    @TempDir
    Path mappings;

    @BeforeEach
    void startVendor() throws IOException {
        vendor = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        vendor.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String call = exchange.getRequestMethod() + " " + exchange.getRequestURI();
            requests.add(call + (body.isEmpty() ? "" : " " + body));
            Function<String, String> answer = answers.get(call);
            String text = answer == null ? "404" : answer.apply(body);
            // an answer of three digits is that HTTP status with an error body
            int status = text.matches("\\d{3}") ? Integer.parseInt(text) : 200;
            byte[] out = (status == 200 ? text : "{\"error\":{\"message\":\"HTTP " + status + " for " + call + "\"}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        vendor.start();
        HubSystemsProperties.SystemSettings system = new HubSystemsProperties.SystemSettings();
        system.setBaseUrl("http://127.0.0.1:" + vendor.getAddress().getPort());
        system.setEntities(Map.of("matter", endpoints));
        properties.setSystems(Map.of("vendor", system));
        when(xrefs.systemId(anyString(), anyString(), anyString())).thenReturn(Optional.empty());
        when(jobs.find(anyString(), anyString(), anyString())).thenReturn(Optional.empty());
        // no earlier attempt: the intent is new
        when(intents.claim(anyString(), anyString(), anyString())).thenReturn(CreateIntents.Claim.FIRST);
    }

    @AfterEach
    void stopVendor() {
        vendor.stop(0);
    }

    private TargetWriter writer() {
        copies = copies == null ? new LastReadCopies(properties, JSON) : copies;
        MappingSettings settings = new MappingSettings(properties, new io.legalhub.ledes.LedesWriter());
        return new TargetWriter(properties, new SystemClient(properties, JSON), xrefs, jobs, intents,
                org.springframework.transaction.support.TransactionOperations.withoutTransaction(), copies,
                new MappingLibrary(mappings.toString(), settings), JSON);
    }

    private Exchange delivery(String mapped) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(Envelope.TARGET, "vendor");
        exchange.getIn().setHeader(Envelope.ENTITY, "matter");
        exchange.getIn().setHeader(Envelope.KEY, "2026-0012");
        exchange.getIn().setBody(mapped);
        return exchange;
    }

    private static Part part(String name) {
        Part part = new Part();
        part.setName(name);
        return part;
    }

    @Test
    void aRecordKeptAsSeveralIsWrittenPartByPartEachNamingTheIdsTheEarlierOnesGot() {
        Part client = part("client");
        client.setXref(false);
        client.setLookup("POST /query");
        client.setLookupBody("/client");
        client.setLookupId("/Objects/0/ArtifactID");
        Part matter = part("matter");
        matter.setLookup("POST /query");
        matter.setLookupBody("/matterLookup");
        matter.setLookupId("/Objects/0/ArtifactID");
        matter.setCreate("POST /matters");
        matter.setCreateBody("/matter");
        matter.setResponseId("");
        matter.setUpdate("PUT /matters/{id}");
        matter.setUpdateBody("/matter");
        Part workspace = part("workspace");
        workspace.setPrimary(true);
        workspace.setCreate("POST /workspaces");
        workspace.setCreateBody("/workspace");
        workspace.setResponseId("/ArtifactID");
        workspace.setUpdate("PUT /workspaces/{id}");
        workspace.setUpdateBody("/workspace");
        Part link = part("link");
        link.setOnPart("workspace");
        link.setUpdate("POST /object/update");
        link.setUpdateBody("/link");
        endpoints.setParts(List.of(client, matter, workspace, link));
        answers.put("POST /query", body -> body.contains("Client Number") ? "{\"Objects\":[{\"ArtifactID\":5001}]}" : "{\"Objects\":[]}");
        answers.put("POST /matters", body -> "1016001");
        answers.put("POST /workspaces", body -> "{\"ArtifactID\":1017001}");
        answers.put("POST /object/update", body -> "{}");

        Exchange exchange = delivery("""
                {"client": {"condition": "'Client Number' == 'ACME-001'"},
                 "matterLookup": {"condition": "'Number' == '2026-0012'"},
                 "matter": {"MatterRequest": {"Name": "Acme", "Client": {"Value": {"ArtifactID": "${parts.client}"}}}},
                 "workspace": {"Name": "2026-0012 - Acme", "MatterArtifactId": "${parts.matter}"},
                 "link": {"Object": {"ArtifactID": "${id}"}, "condition": "'Matter' == OBJECT ${parts.matter}"}}""");
        writer().write(exchange);

        assertThat(requests).as("the client is only found; the matter, new, is created without a look-up").containsExactly(
                "POST /query {\"condition\":\"'Client Number' == 'ACME-001'\"}",
                "POST /matters {\"MatterRequest\":{\"Name\":\"Acme\",\"Client\":{\"Value\":{\"ArtifactID\":5001}}}}",
                "POST /workspaces {\"Name\":\"2026-0012 - Acme\",\"MatterArtifactId\":1016001}",
                "POST /object/update {\"Object\":{\"ArtifactID\":1017001},\"condition\":\"'Matter' == OBJECT 1016001\"}");
        assertThat(exchange.getProperty(Envelope.TARGET_ID)).as("the record's id is its primary part's").isEqualTo("1017001");
        verify(xrefs).link("matter#matter", "2026-0012", "vendor", "1016001");
        verify(xrefs).link("matter", "2026-0012", "vendor", "1017001");
        verify(xrefs, never()).link(eq("matter#client"), anyString(), anyString(), anyString());
    }

    @Test
    void aPartTheHubMayNotCreateIsAPermanentFailureNamingWhatWasLookedFor() {
        Part client = part("client");
        client.setXref(false);
        client.setLookup("POST /query");
        client.setLookupBody("/client");
        client.setLookupId("/Objects/0/ArtifactID");
        endpoints.setParts(List.of(client));
        answers.put("POST /query", body -> "{\"Objects\":[]}");

        assertThatThrownBy(() -> writer().write(delivery("{\"client\":{\"condition\":\"'Client Number' == 'NOPE-1'\"}}")))
                .isInstanceOf(MissingLink.class)
                .hasMessageContaining("its client does not exist in vendor")
                .hasMessageContaining("NOPE-1");
    }

    @Test
    void aNewRecordIsCreatedInOneCallAndItsIntentClearedOnceItsIdIsSaved() {
        workspaceConnector();
        answers.put("POST /createWorkspace", body -> "{\"data\":{\"id\":\"LEGAL!1002\"}}");

        writer().write(delivery(WORKSPACE));

        assertThat(requests).containsExactly("POST /createWorkspace {\"templateId\":\"LEGAL!12\"}");
        var order = org.mockito.Mockito.inOrder(intents, xrefs);
        order.verify(intents).claim("vendor", "matter", "2026-0012");
        order.verify(xrefs).link("matter", "2026-0012", "vendor", "LEGAL!1002");
        order.verify(intents).clear("vendor", "matter", "2026-0012");
    }

    @Test
    void aCreateWhoseEarlierAttemptHasNoKnownOutcomeLooksTheRecordUpAndAdoptsIt() {
        workspaceConnector();
        when(intents.claim(anyString(), anyString(), anyString())).thenReturn(CreateIntents.Claim.EARLIER_UNKNOWN);
        answers.put("POST /searchWorkspaces", body -> "{\"data\":{\"results\":[{\"id\":\"LEGAL!1003\"}]}}");
        answers.put("POST /updateWorkspace", body -> "{}");

        writer().write(delivery(WORKSPACE));

        assertThat(requests).containsExactly("POST /searchWorkspaces {\"custom2\":\"2026-0012\"}",
                "POST /updateWorkspace {\"id\":\"LEGAL!1003\",\"name\":\"Acme\"}");
        verify(xrefs).link("matter", "2026-0012", "vendor", "LEGAL!1003");
        verify(intents).clear("vendor", "matter", "2026-0012");
    }

    @Test
    void aCreateAnotherAttemptIsSendingRightNowWaitsForItsOutcomeWithoutCallingTheSystem() {
        workspaceConnector();
        when(intents.claim(anyString(), anyString(), anyString())).thenReturn(CreateIntents.Claim.OTHER_IN_FLIGHT);

        assertThatThrownBy(() -> writer().write(delivery(WORKSPACE)))
                .isInstanceOf(CreateInFlight.class)
                .isInstanceOf(PrerequisiteMissing.class)
                .hasMessageContaining("matter 2026-0012 is being created in vendor by another attempt");
        assertThat(requests).isEmpty();
        verify(intents, never()).settle(anyString(), anyString(), anyString());
    }

    @Test
    void aCreateThatFailedWithAnUnknownOutcomeLeavesItsIntentSettledSoTheNextAttemptLooksUpAtOnce() {
        workspaceConnector();
        answers.put("POST /createWorkspace", body -> "503");

        assertThatThrownBy(() -> writer().write(delivery(WORKSPACE))).isInstanceOf(TransientSystemFailure.class);
        verify(intents).settle("vendor", "matter", "2026-0012");
        verify(intents, never()).clear(anyString(), anyString(), anyString());
    }

    @Test
    void aReplayLooksTheRecordUpBeforeCreatingIt() {
        workspaceConnector();
        answers.put("POST /searchWorkspaces", body -> "{\"data\":{\"results\":[]}}");
        answers.put("POST /createWorkspace", body -> "{\"data\":{\"id\":\"LEGAL!1004\"}}");
        Exchange replay = delivery(WORKSPACE);
        replay.getIn().setHeader(Envelope.DEAD_LETTER_ID, 17L);

        writer().write(replay);

        assertThat(requests).containsExactly("POST /searchWorkspaces {\"custom2\":\"2026-0012\"}",
                "POST /createWorkspace {\"templateId\":\"LEGAL!12\"}");
    }

    @Test
    void aSystemSetToLookUpAlwaysIsSearchedBeforeEveryCreate() {
        workspaceConnector();
        properties.system("vendor").setLookupBeforeCreate(HubSystemsProperties.LookupBeforeCreate.ALWAYS);
        answers.put("POST /searchWorkspaces", body -> "{\"data\":{\"results\":[]}}");
        answers.put("POST /createWorkspace", body -> "{\"data\":{\"id\":\"LEGAL!1005\"}}");

        writer().write(delivery(WORKSPACE));

        assertThat(requests).containsExactly("POST /searchWorkspaces {\"custom2\":\"2026-0012\"}",
                "POST /createWorkspace {\"templateId\":\"LEGAL!12\"}");
    }

    @Test
    void aRecordTheTargetAlreadyHasIsAdoptedWhenItsCreateIsRefusedAsAConflict() {
        workspaceConnector();
        answers.put("POST /createWorkspace", body -> "409");
        answers.put("POST /searchWorkspaces", body -> "{\"data\":{\"results\":[{\"id\":\"LEGAL!1006\"}]}}");
        answers.put("POST /updateWorkspace", body -> "{}");

        Exchange exchange = delivery(WORKSPACE);
        writer().write(exchange);

        assertThat(requests).containsExactly("POST /createWorkspace {\"templateId\":\"LEGAL!12\"}",
                "POST /searchWorkspaces {\"custom2\":\"2026-0012\"}",
                "POST /updateWorkspace {\"id\":\"LEGAL!1006\",\"name\":\"Acme\"}");
        assertThat(exchange.getProperty(Envelope.TARGET_ID)).isEqualTo("LEGAL!1006");
        verify(xrefs).link("matter", "2026-0012", "vendor", "LEGAL!1006");
    }

    @Test
    void aCreateRefusedAsInvalidClearsItsIntentSinceNothingWasCreated() {
        workspaceConnector();
        answers.put("POST /createWorkspace", body -> "422");

        assertThatThrownBy(() -> writer().write(delivery(WORKSPACE))).isInstanceOf(io.legalhub.systems.PermanentSystemFailure.class);

        assertThat(requests).containsExactly("POST /createWorkspace {\"templateId\":\"LEGAL!12\"}");
        verify(intents).clear("vendor", "matter", "2026-0012");
    }

    private static final String WORKSPACE = "{\"lookup\":{\"custom2\":\"2026-0012\"},\"create\":{\"templateId\":\"LEGAL!12\"},"
            + "\"update\":{\"id\":\"${id}\",\"name\":\"Acme\"}}";

    private void workspaceConnector() {
        endpoints.setLookup("POST /searchWorkspaces");
        endpoints.setLookupBody("/lookup");
        endpoints.setLookupId("/data/results/0/id");
        endpoints.setCreate("POST /createWorkspace");
        endpoints.setCreateBody("/create");
        endpoints.setResponseId("/data/id");
        endpoints.setUpdate("POST /updateWorkspace");
        endpoints.setUpdateBody("/update");
    }

    @Test
    void anUpdateCarriesTheTargetsIdInItsBodyWhenTheVendorWantsItThere() {
        when(intents.claim(anyString(), anyString(), anyString())).thenReturn(CreateIntents.Claim.EARLIER_UNKNOWN);
        endpoints.setLookup("POST /searchWorkspaces");
        endpoints.setLookupBody("/lookup");
        endpoints.setLookupId("/data/results/0/id");
        endpoints.setCreate("POST /createWorkspace");
        endpoints.setCreateBody("/create");
        endpoints.setResponseId("/data/id");
        endpoints.setUpdate("POST /updateWorkspace");
        endpoints.setUpdateBody("/update");
        answers.put("POST /searchWorkspaces", body -> "{\"data\":{\"results\":[{\"id\":\"LEGAL!1001\"}]}}");
        answers.put("POST /updateWorkspace", body -> "{\"data\":{\"id\":\"LEGAL!1001\"}}");

        writer().write(delivery("{\"lookup\":{\"custom2\":\"2026-0012\"},\"create\":{\"templateId\":\"LEGAL!12\"},"
                + "\"update\":{\"id\":\"${id}\",\"name\":\"Acme\"}}"));

        assertThat(requests).containsExactly("POST /searchWorkspaces {\"custom2\":\"2026-0012\"}",
                "POST /updateWorkspace {\"id\":\"LEGAL!1001\",\"name\":\"Acme\"}");
        verify(xrefs).link("matter", "2026-0012", "vendor", "LEGAL!1001");
    }

    private CreateJob job(Duration timeout) {
        CreateJob job = new CreateJob();
        job.setPoll("GET /jobs/{job}");
        job.setJobId("/JobId");
        job.setState("/JobState");
        job.setDone(List.of("Completed"));
        job.setFailed(List.of("Failed"));
        job.setResultId("/WorkspaceArtifactId");
        job.setError("/Message");
        job.setInterval(Duration.ofMillis(20));
        job.setTimeout(timeout);
        return job;
    }

    @Test
    void anAsynchronousCreateIsFollowedUntilItsJobIsDone() {
        endpoints.setCreate("POST /workspace-job");
        endpoints.setCreateJob(job(Duration.ofSeconds(5)));
        List<String> states = new ArrayList<>(List.of("Queued", "Running", "Completed"));
        answers.put("POST /workspace-job", body -> "{\"JobId\":\"J-7\"}");
        answers.put("GET /jobs/J-7", body -> "{\"JobState\":\"" + states.remove(0) + "\",\"WorkspaceArtifactId\":1017009}");

        Exchange exchange = delivery("{\"Name\":\"2026-0012\"}");
        writer().write(exchange);

        assertThat(exchange.getProperty(Envelope.TARGET_ID)).isEqualTo("1017009");
        assertThat(requests).filteredOn(r -> r.startsWith("GET /jobs/J-7")).hasSize(3);
        verify(jobs).remember("vendor", "matter", "2026-0012", "J-7");
        verify(xrefs).link("matter", "2026-0012", "vendor", "1017009");
        verify(jobs).forget("vendor", "matter", "2026-0012");
    }

    @Test
    void aJobStillRunningIsRetriedLaterByFollowingTheSameJobNeverByCreatingAgain() {
        endpoints.setCreate("POST /workspace-job");
        endpoints.setCreateJob(job(Duration.ofMillis(100)));
        answers.put("POST /workspace-job", body -> "{\"JobId\":\"J-8\"}");
        answers.put("GET /jobs/J-8", body -> "{\"JobState\":\"Running\"}");

        assertThatThrownBy(() -> writer().write(delivery("{\"Name\":\"2026-0012\"}")))
                .isInstanceOf(TransientSystemFailure.class).hasMessageContaining("still Running");
        verify(jobs).remember("vendor", "matter", "2026-0012", "J-8");

        when(jobs.find("vendor", "matter", "2026-0012")).thenReturn(Optional.of("J-8"));
        answers.put("GET /jobs/J-8", body -> "{\"JobState\":\"Completed\",\"WorkspaceArtifactId\":1017010}");
        requests.clear();
        Exchange retry = delivery("{\"Name\":\"2026-0012\"}");
        writer().write(retry);

        assertThat(requests).containsExactly("GET /jobs/J-8");
        assertThat(retry.getProperty(Envelope.TARGET_ID)).isEqualTo("1017010");
    }

    @Test
    void aFailedJobIsAPermanentFailureWithTheVendorsReason() {
        endpoints.setCreate("POST /workspace-job");
        endpoints.setCreateJob(job(Duration.ofSeconds(5)));
        answers.put("POST /workspace-job", body -> "{\"JobId\":\"J-9\"}");
        answers.put("GET /jobs/J-9", body -> "{\"JobState\":\"Failed\",\"Message\":\"Template is being upgraded\"}");

        assertThatThrownBy(() -> writer().write(delivery("{\"Name\":\"2026-0012\"}")))
                .isInstanceOf(PermanentSystemFailure.class).hasMessageContaining("ended Failed: Template is being upgraded");
        verify(jobs).forget("vendor", "matter", "2026-0012");
    }

    @Test
    void anUpdateIsBuiltFromTheTargetsCurrentRecordWhenTheConnectorSaysSo() throws IOException {
        Files.createDirectories(mappings.resolve("vendor"));
        Files.writeString(mappings.resolve("vendor/merge.jsonata"),
                "{ \"WorkspaceRequest\": request, \"LastModifiedOn\": current.LastModifiedOn }");
        when(xrefs.systemId("matter", "2026-0012", "vendor")).thenReturn(Optional.of("1017001"));
        endpoints.setCreate("POST /workspace-job");
        endpoints.setUpdate("PUT /workspace/{id}");
        UpdateMerge merge = new UpdateMerge();
        merge.setRead("GET /workspace/{id}");
        merge.setMapping("merge");
        endpoints.setUpdateMerge(merge);
        answers.put("GET /workspace/1017001", body -> "{\"ArtifactID\":1017001,\"LastModifiedOn\":\"2026-01-15T09:30:00Z\"}");
        answers.put("PUT /workspace/1017001", body -> "{}");

        writer().write(delivery("{\"Name\":\"2026-0012 - Acme\"}"));

        assertThat(requests).containsExactly("GET /workspace/1017001",
                "PUT /workspace/1017001 {\"WorkspaceRequest\":{\"Name\":\"2026-0012 - Acme\"},\"LastModifiedOn\":\"2026-01-15T09:30:00Z\"}");
    }

    private static final String CURRENT_VALUES = "{\"data\":{\"id\":1047,\"custom_field_values\":[{\"id\":\"text_line-17\",\"value\":\"pending\"}]}}";

    /** A conflict result written onto its matter, its update built from the matter's current values. */
    private void conflictOntoMatter() throws IOException {
        Files.createDirectories(mappings.resolve("vendor"));
        Files.writeString(mappings.resolve("vendor/onto-matter.jsonata"),
                "{ \"data\": { \"value_id\": current.data.custom_field_values[0].id, \"value\": request.status } }");
        endpoints.setIdFrom("matter");
        endpoints.setUpdate("PATCH /matters/{id}");
        UpdateMerge merge = new UpdateMerge();
        merge.setRead("GET /matters/{id}");
        merge.setMapping("onto-matter");
        merge.setReuseLastRead(true);
        endpoints.setUpdateMerge(merge);
    }

    private Exchange conflictDelivery(String status) {
        Exchange exchange = delivery("{\"status\":\"" + status + "\"}");
        exchange.getIn().setHeader(Envelope.ENTITY, "conflict");
        exchange.setProperty(TargetReferences.PROPERTY, Map.of("matter", "1047"));
        return exchange;
    }

    @Test
    void anUpdateOntoARecordTheHubHasJustReadIsOneCallBuiltFromThatCopy() throws IOException {
        conflictOntoMatter();
        properties.system("vendor").setEntities(Map.of("conflict", endpoints));
        copies = new LastReadCopies(properties, JSON);
        TargetWriter writer = writer();
        copies.remember("vendor", "matter", "1047", JSON.readTree(CURRENT_VALUES).get("data"));
        answers.put("PATCH /matters/1047", body -> "{\"data\":{\"id\":1047,\"custom_field_values\":[{\"id\":\"text_line-17\",\"value\":\"cleared\"}]}}");

        writer.write(conflictDelivery("cleared"));

        assertThat(requests).containsExactly("PATCH /matters/1047 {\"data\":{\"value_id\":\"text_line-17\",\"value\":\"cleared\"}}");
        assertThat(copies.copy("vendor", "matter", "1047")).as("the answer is the copy the next update starts from")
                .hasValueSatisfying(copy -> assertThat(copy.at("/data/custom_field_values/0/value").asText()).isEqualTo("cleared"));
    }

    @Test
    void aStaleCopyRefusedByTheTargetIsReplacedByAReadAndTheUpdateBuiltAgain() throws IOException {
        conflictOntoMatter();
        properties.system("vendor").setEntities(Map.of("conflict", endpoints));
        copies = new LastReadCopies(properties, JSON);
        TargetWriter writer = writer();
        copies.remember("vendor", "matter", "1047", JSON.readTree("{\"id\":1047,\"custom_field_values\":[{\"id\":\"gone-1\"}]}"));
        answers.put("PATCH /matters/1047", body -> body.contains("gone-1") ? "422" : "{}");
        answers.put("GET /matters/1047", body -> CURRENT_VALUES);

        writer.write(conflictDelivery("cleared"));

        assertThat(requests).containsExactly(
                "PATCH /matters/1047 {\"data\":{\"value_id\":\"gone-1\",\"value\":\"cleared\"}}",
                "GET /matters/1047",
                "PATCH /matters/1047 {\"data\":{\"value_id\":\"text_line-17\",\"value\":\"cleared\"}}");
    }

    @Test
    void withoutACopyTheRecordIsReadFirst() throws IOException {
        conflictOntoMatter();
        properties.system("vendor").setEntities(Map.of("conflict", endpoints));
        copies = new LastReadCopies(properties, JSON);
        answers.put("GET /matters/1047", body -> CURRENT_VALUES);
        answers.put("PATCH /matters/1047", body -> "{}");

        writer().write(conflictDelivery("cleared"));

        assertThat(requests).containsExactly("GET /matters/1047",
                "PATCH /matters/1047 {\"data\":{\"value_id\":\"text_line-17\",\"value\":\"cleared\"}}");
    }
}
