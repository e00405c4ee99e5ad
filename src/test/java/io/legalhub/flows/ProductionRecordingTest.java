package io.legalhub.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.legalhub.support.HubIntegrationTest;
import io.legalhub.support.SandboxClient;
import org.junit.jupiter.api.Test;

/**
 * Issue 3, flow 6: e-discovery productions dropped as DAT/OPT pairs are recorded against their matter in
 * matter management (a note) and in the matter's DMS workspace (name_value_pairs).
 */
class ProductionRecordingTest extends HubIntegrationTest {

    private static final String SAMPLE_DAT = "production-GBX001.dat";
    private static final String SAMPLE_OPT = "production-GBX001.opt";

    @Test
    void theSampleProductionDroppedForAProvisionedMatterIsNotedOnTheMatterAndInItsWorkspace() throws Exception {
        String number = newMatterNumber();
        long client = sandbox.createClient("Globex " + number, "Company");
        long matterId = sandbox.createMatter(number, "Acme v. Globex – supply contract dispute", client, null).get("id").asLong();
        String workspace = await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.dmsWorkspaces(number), w -> w.size() == 1)
                .get(0).get("id").asText();

        drop(number, "GBX001.dat", fixture(SAMPLE_DAT));
        drop(number, "GBX001.opt", fixture(SAMPLE_OPT));

        JsonNode note = await().atMost(Duration.ofSeconds(30)).until(() -> productionNotes(matterId), n -> n.size() == 1).get(0);
        assertThat(note.get("subject").asText()).isEqualTo("Production GBX001: GBX0000001–GBX0000007 (3 documents, 7 pages)");
        assertThat(note.get("detail").asText())
                .contains("Bates range: GBX0000001–GBX0000007")
                .contains("Documents: 3")
                .contains("Pages: 7")
                .contains("Custodians: Jordan Lee, Priya Nair");
        JsonNode pairs = await().atMost(Duration.ofSeconds(30))
                .until(() -> sandbox.nameValuePairs(workspace), p -> p.has("production.GBX001.begBates"));
        assertThat(pairs.get("production.GBX001.begBates").asText()).isEqualTo("GBX0000001");
        assertThat(pairs.get("production.GBX001.endBates").asText()).isEqualTo("GBX0000007");
        assertThat(pairs.get("production.GBX001.documentCount").asText()).isEqualTo("3");
        assertThat(pairs.get("production.GBX001.pageCount").asText()).isEqualTo("7");
        assertThat(pairs.get("production.GBX001.custodians").asText()).isEqualTo("Jordan Lee; Priya Nair");
        assertThat(PRODUCTION_DROP.resolve(".done").resolve(number).resolve("GBX001.dat")).exists();
        assertThat(PRODUCTION_DROP.resolve(".done").resolve(number).resolve("GBX001.opt")).exists();
        assertThat(PRODUCTION_DROP.resolve(number).resolve("GBX001.dat")).doesNotExist();
        assertThat(openDeadLetters(number)).isEmpty();
    }

    @Test
    void aDatWithARowMissingAFieldIsDeadLetteredNamingTheFileAndLineAndThePairMovesToFailed() throws Exception {
        String number = newMatterNumber();

        drop(number, "VOL002.dat", fixture("row-missing-field.dat"));
        drop(number, "VOL002.opt", fixture(SAMPLE_OPT));

        JsonNode deadLetter = await().atMost(Duration.ofSeconds(30)).until(() -> openDeadLetters(number), d -> d.size() == 1).get(0);
        assertThat(deadLetter.get("entityType").asText()).isEqualTo("production");
        assertThat(deadLetter.get("recordKey").asText()).isEqualTo(number + ":VOL002");
        assertThat(deadLetter.get("stage").asText()).isEqualTo("canonicalize");
        assertThat(deadLetter.get("failureKind").asText()).isEqualTo("permanent");
        assertThat(deadLetter.get("error").asText())
                .contains("Production VOL002 for matter " + number + " is not valid")
                .contains("VOL002.dat line 3: wrong number of fields: expected 13 (as in the header), found 12");
        assertThat(deadLetter.get("failedLine").asInt()).isEqualTo(3);
        assertThat(deadLetter.get("failedField").asText()).isEqualTo("VOL002.dat");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(PRODUCTION_DROP.resolve(".failed").resolve(number).resolve("VOL002.dat")).exists();
            assertThat(PRODUCTION_DROP.resolve(".failed").resolve(number).resolve("VOL002.opt")).exists();
        });
        assertThat(PRODUCTION_DROP.resolve(number).resolve("VOL002.dat")).doesNotExist();
        assertThat(PRODUCTION_DROP.resolve(".done").resolve(number)).doesNotExist();
        awaitQueuesDrained();
        assertThat(openDeadLetters(number)).hasSize(1);
    }

    @Test
    void aDatLeftWithoutItsOptLongerThanTheWaitIsDeadLetteredSayingTheOptIsMissing() throws Exception {
        String number = newMatterNumber();

        drop(number, "GBX001.dat", fixture(SAMPLE_DAT));

        JsonNode deadLetter = await().atMost(ORPHAN_WAIT.plusSeconds(30)).until(() -> openDeadLetters(number), d -> d.size() == 1).get(0);
        assertThat(deadLetter.get("entityType").asText()).isEqualTo("production");
        assertThat(deadLetter.get("error").asText())
                .contains("Production GBX001 for matter " + number + " is incomplete")
                .contains("the OPT GBX001.opt is missing");
        assertThat(deadLetter.get("failedField").asText()).isEqualTo("GBX001.opt");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(PRODUCTION_DROP.resolve(".failed").resolve(number).resolve("GBX001.dat")).exists());
        assertThat(PRODUCTION_DROP.resolve(number).resolve("GBX001.dat")).doesNotExist();
    }

    private List<JsonNode> productionNotes(long matterId) {
        return sandbox.mmNotes(matterId).stream().filter(n -> n.path("subject").asText().startsWith("Production ")).toList();
    }

    private static void drop(String matter, String fileName, byte[] content) throws IOException {
        Path folder = Files.createDirectories(PRODUCTION_DROP.resolve(matter));
        Files.write(folder.resolve(fileName), content);
    }

    private static byte[] fixture(String name) {
        try (InputStream in = ProductionRecordingTest.class.getResourceAsStream("/ediscovery/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture ediscovery/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<JsonNode> openDeadLetters(String key) throws Exception {
        JsonNode page = SandboxClient.JSON.readTree(api("GET", "/api/dead-letters?status=open&q=" + key, null, "viewer").body());
        List<JsonNode> items = new ArrayList<>();
        page.get("items").forEach(items::add);
        return items;
    }
}
