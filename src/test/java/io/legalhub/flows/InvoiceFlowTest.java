package io.legalhub.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.legalhub.ledes.CanonicalInvoiceMapper;
import io.legalhub.ledes.CanonicalSource;
import io.legalhub.ledes.LedesInvoice;
import io.legalhub.ledes.LedesReport;
import io.legalhub.ledes.LedesValidator;
import io.legalhub.ledes.LedesViolation;
import io.legalhub.support.HubIntegrationTest;
import io.legalhub.support.LedesSamples;
import io.legalhub.support.SandboxClient;
import org.junit.jupiter.api.Test;

/** Issue 3, flow 4: LEDES 1998B invoices from billing (export poll or drop folder) reach matter management as bills. */
class InvoiceFlowTest extends HubIntegrationTest {

    /** A seeded matter every seeded hub knows; the samples bill it (the large sample's 2026-0044 does not exist). */
    private static final String SEEDED_MATTER = "2026-0012";
    private static final Map<String, String> KNOWN_MATTERS = Map.of("2026-0044", SEEDED_MATTER);

    private final LedesValidator validator = new LedesValidator();
    private final CanonicalInvoiceMapper mapper = new CanonicalInvoiceMapper();

    @Test
    void aValidInvoiceSubmittedInBillingReachesTheClientsEbillingAsLedesAndIsNotedOnItsMatter() throws IOException {
        String matterNumber = newMatterNumber();
        long client = sandbox.createClient("Wingtip Toys " + matterNumber, "Company");
        JsonNode matter = sandbox.createMatter(matterNumber, "Wingtip Toys v. Litware – licence dispute", client, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> trailSteps("matter", matterNumber, "canonicalized", null) > 0);
        String token = LedesSamples.newToken();
        String ledes = LedesSamples.withMatter(LedesSamples.rewrite(
                LedesSamples.read("valid-fees-expenses-adjustments.txt"), token, Map.of()), matterNumber);
        String number = LedesSamples.renumbered("INV20260415", token);

        sandbox.submitInvoice(ledes);

        JsonNode received = await().atMost(Duration.ofSeconds(40)).until(() -> sandbox.ebillingInvoices(number), b -> b.size() == 1).get(0);
        assertThat(received.get("matter_number").asText()).isEqualTo(matterNumber);
        assertThat(received.get("total").decimalValue()).isEqualByComparingTo("2297.00");
        assertThat(received.get("status").asText()).isEqualTo("submitted");
        assertThat(received.get("invoice_date").asText()).isEqualTo("2026-10-31");
        assertThat(received.get("line_count").asInt()).isEqualTo(7);
        // the platform holds the invoice as LEDES carrying the same values billing wrote
        String sent = sandbox.ebillingLedes(received.get("id").asText());
        LedesReport report = validator.validate(sent);
        assertThat(report.valid()).as(report.violations().toString()).isTrue();
        CanonicalSource source = new CanonicalSource("billing", number, 1);
        assertThat((JsonNode) mapper.toCanonical(report.invoices().get(0), source))
                .isEqualTo(mapper.toCanonical(validator.validate(ledes).invoices().get(0), source));

        JsonNode note = await().atMost(Duration.ofSeconds(30)).until(() -> invoiceNotes(matter.get("id").asLong(), number), n -> n.size() == 1).get(0);
        assertThat(note.get("type").asText()).isEqualTo("Matter");
        assertThat(note.get("subject").asText()).isEqualTo("Invoice " + number + " sent to the client's e-billing: 2297.00 USD");
        assertThat(note.get("detail").asText()).contains("billing period 2026-10-01 to 2026-10-31").contains("7 lines");
        JsonNode trail = SandboxClient.JSON.readTree(api("GET", "/api/records/invoice/" + number + "/trail", null, "viewer").body());
        assertThat(trail.at("/systems/ebilling").asText()).isEqualTo(received.get("id").asText());
        assertThat(trail.at("/systems/matter-management").asText()).isEqualTo(note.get("id").asText());
        assertThat(trail.at("/systems/billing").asText()).isEqualTo(number);
    }

    private List<JsonNode> invoiceNotes(long matterId, String number) {
        return sandbox.mmNotes(matterId).stream().filter(n -> n.path("subject").asText().startsWith("Invoice " + number + " ")).toList();
    }

    @Test
    void everySampleFileDroppedInTheFolderGetsItsVerdictABillWhenValidOneDeadLetterNamingEveryViolationWhenNot() {
        record Dropped(String sample, String token, String text, LedesReport expected) {
        }
        List<Dropped> dropped = new ArrayList<>();
        for (String sample : LedesSamples.names()) {
            String token = LedesSamples.newToken();
            String text = LedesSamples.rewrite(LedesSamples.read(sample), token, KNOWN_MATTERS);
            LedesReport expected = validator.validate(text);
            assertThat(expected.valid()).as(sample + " is named for its verdict").isEqualTo(sample.startsWith("valid-"));
            dropped.add(new Dropped(sample, token, text, expected));
        }
        dropped.forEach(d -> LedesSamples.drop(ledesDropDir(), d.token() + "-" + d.sample(), d.text()));
        long seededMatterId = sandbox.matterByNumber(SEEDED_MATTER).get("id").asLong();

        for (Dropped d : dropped) {
            if (d.expected().valid()) {
                for (LedesInvoice invoice : d.expected().invoices()) {
                    JsonNode received = await().atMost(Duration.ofSeconds(90)).alias(d.sample() + " → e-billing " + invoice.invoiceNumber())
                            .until(() -> sandbox.ebillingInvoices(invoice.invoiceNumber()), b -> !b.isEmpty()).get(0);
                    assertThat(received.get("total").decimalValue()).as(d.sample()).isEqualByComparingTo(invoice.total());
                    assertThat(received.get("line_count").asInt()).as(d.sample()).isEqualTo(invoice.lines().size());
                    if (invoice.lawFirmMatterId().equals(SEEDED_MATTER)) {
                        await().atMost(Duration.ofSeconds(30)).alias(d.sample() + " → note on " + SEEDED_MATTER)
                                .until(() -> invoiceNotes(seededMatterId, invoice.invoiceNumber()).size() == 1);
                    }
                }
                assertThat(deadLetterPage("entity=invoice&q=" + d.token()).get("total").asLong()).as(d.sample()).isZero();
            } else {
                JsonNode page = await().atMost(Duration.ofSeconds(90)).alias(d.sample() + " → dead letter")
                        .until(() -> deadLetterPage("entity=invoice&q=" + d.token()), p -> p.get("total").asLong() > 0);
                assertThat(page.get("total").asLong()).as(d.sample() + ": exactly one dead letter").isEqualTo(1);
                JsonNode deadLetter = deadLetter(page.at("/items/0/id").asLong());
                String error = deadLetter.get("error").asText();
                assertThat(error).as(d.sample()).startsWith("LEDES file " + d.token() + "-" + d.sample() + " is invalid: ");
                for (LedesViolation violation : d.expected().violations()) {
                    assertThat(error).as(d.sample()).contains("line " + violation.line() + ", " + violation.field() + " (");
                }
                LedesViolation first = d.expected().errors().get(0);
                assertThat(deadLetter.get("failedLine").asInt()).as(d.sample()).isEqualTo(first.line());
                assertThat(deadLetter.get("failedField").asText()).as(d.sample()).isEqualTo(first.field());
                assertThat(deadLetter.get("failureKind").asText()).isEqualTo("permanent");
                assertThat(deadLetter.get("stage").asText()).isEqualTo("canonicalize");
                assertThat(deadLetter.get("attempts").asInt()).isEqualTo(1);
                assertThat(deadLetter.get("body").asText()).isEqualTo(d.text());
                if (d.expected().invoices().size() == 1) {
                    assertThat(deadLetter.get("recordKey").asText()).isEqualTo(d.expected().invoices().get(0).invoiceNumber());
                }
                for (LedesInvoice invoice : d.expected().invoices()) {
                    assertThat(sandbox.ebillingInvoices(invoice.invoiceNumber())).as(d.sample()).isEmpty();
                }
            }
        }
        for (Dropped d : dropped) {
            await().atMost(Duration.ofSeconds(30)).alias(d.sample() + " moved to .done")
                    .until(() -> doneFiles(d.token() + "-" + d.sample()).size() == 1);
        }
    }

    @Test
    void aFileMixingAValidAndAnInvalidInvoiceSendsTheValidOneOnAndDeadLettersTheInvalidOneAlone() {
        String token = LedesSamples.newToken();
        String valid = LedesSamples.renumbered("INV20260415", token);
        String invalid = LedesSamples.renumbered("INV20260416", token);
        String text = LedesSamples.rewrite(LedesSamples.read("valid-two-invoices.txt"), token, Map.of())
                .replace("|2026-0019|535.00|", "|2026-0019|545.00|");
        String fileName = token + "-mixed.txt";

        LedesSamples.drop(ledesDropDir(), fileName, text);

        await().atMost(Duration.ofSeconds(40)).until(() -> sandbox.ebillingInvoices(valid).size() == 1);
        JsonNode page = await().atMost(Duration.ofSeconds(40))
                .until(() -> deadLetterPage("entity=invoice&q=" + invalid), p -> p.get("total").asLong() > 0);
        assertThat(page.get("total").asLong()).isEqualTo(1);
        JsonNode deadLetter = deadLetter(page.at("/items/0/id").asLong());
        assertThat(deadLetter.get("recordKey").asText()).isEqualTo(invalid);
        assertThat(deadLetter.get("error").asText())
                .startsWith("Invoice " + invalid + " of LEDES file " + fileName + " (lines 5–6 there")
                .contains("INVOICE_TOTAL").contains("545.00").contains("535.00");
        assertThat(deadLetter.get("failedField").asText()).isEqualTo("INVOICE_TOTAL");
        String body = deadLetter.get("body").asText();
        assertThat(body).startsWith("LEDES1998B[]\n").contains(invalid).doesNotContain(valid);
        assertThat(validator.validate(body).invoices()).hasSize(1);
        assertThat(deadLetterPage("entity=invoice&q=" + valid).get("total").asLong()).isZero();
        assertThat(sandbox.ebillingInvoices(invalid)).isEmpty();

        // replayed as it is, the invoice fails again: the same dead letter re-opens, none is added
        long id = deadLetter.get("id").asLong();
        assertThat(api("POST", "/api/dead-letters/" + id + "/replay", null, "operator").statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetter(id).get("history").toString().contains("replay-failed"));
        assertThat(deadLetter(id).get("status").asText()).isEqualTo("open");
        assertThat(deadLetterPage("entity=invoice&q=" + token).get("total").asLong()).isEqualTo(1);
        assertThat(sandbox.ebillingInvoices(valid)).hasSize(1);
    }

    @Test
    void theSameFileArrivingByPollAndByDropIsSentOnce() {
        String token = LedesSamples.newToken();
        String number = LedesSamples.renumbered("INV20260415", token);
        String text = LedesSamples.rewrite(LedesSamples.read("valid-two-fee-lines.txt"), token, Map.of());

        sandbox.submitInvoice(text);
        LedesSamples.drop(ledesDropDir(), token + "-from-billing.txt", text);

        await().atMost(Duration.ofSeconds(40)).until(() -> trailSteps("invoice", number, "received", null) >= 2
                && sandbox.ebillingInvoices(number).size() == 1);
        awaitQueuesDrained();
        assertThat(sandbox.ebillingInvoices(number)).hasSize(1);
        assertThat(trailSteps("invoice", number, "delivered", "ebilling")).isEqualTo(1);
        assertThat(sandbox.stats("ebilling").path("duplicates").path("invoices").toString()).doesNotContain(number);
        List<String> vias = jdbc.sql("select detail from journal where entity_type = 'invoice' and record_key = :k and step = 'received'")
                .param("k", number).query(String.class).list();
        assertThat(vias).contains("via poll", "via file");
    }

    @Test
    void theSameFileDroppedTwiceIsRecognisedAndNotSentAgain() throws IOException {
        String token = LedesSamples.newToken();
        String number = LedesSamples.renumbered("INV20260415", token);
        String text = LedesSamples.rewrite(LedesSamples.read("valid-two-fee-lines.txt"), token, Map.of());
        String fileName = token + "-twice.txt";
        LedesSamples.drop(ledesDropDir(), fileName, text);
        await().atMost(Duration.ofSeconds(40)).until(() -> sandbox.ebillingInvoices(number).size() == 1 && doneFiles(fileName).size() == 1);

        LedesSamples.drop(ledesDropDir(), fileName, text);

        await().atMost(Duration.ofSeconds(20)).until(() -> doneFiles(fileName).size() == 2);
        awaitQueuesDrained();
        assertThat(trailSteps("invoice", number, "received", null)).isEqualTo(1);
        assertThat(sandbox.ebillingInvoices(number)).hasSize(1);
        assertThat(Files.exists(ledesDropDir().resolve(fileName))).isFalse();
    }

    @Test
    void aFileThatIsNotTextIsMovedToFailedWithADeadLetterNamingIt() {
        String fileName = LedesSamples.newToken() + "-scan.txt";
        byte[] binary = "%PDF-1.7\n\0\0\u0001binary".getBytes(StandardCharsets.ISO_8859_1);

        LedesSamples.drop(ledesDropDir(), fileName, binary);

        JsonNode page = await().atMost(Duration.ofSeconds(30))
                .until(() -> deadLetterPage("entity=invoice&q=" + fileName), p -> p.get("total").asLong() > 0);
        JsonNode deadLetter = deadLetter(page.at("/items/0/id").asLong());
        assertThat(deadLetter.get("error").asText()).contains("LEDES file " + fileName + " cannot be read as text");
        assertThat(deadLetter.get("failureKind").asText()).isEqualTo("permanent");
        await().atMost(Duration.ofSeconds(20)).until(() -> failedFiles(fileName).size() == 1);
        assertThat(doneFiles(fileName)).isEmpty();
    }

    @Test
    void anInvoiceForAMatterTheHubDoesNotKnowGoesToEbillingButItsNoteIsDeadLetteredNamingTheMatterAndWrittenByAReplayOnceItIsKnown() {
        String token = LedesSamples.newToken();
        String number = LedesSamples.renumbered("INV20260415", token);
        String unknownMatter = newMatterNumber();
        String text = LedesSamples.withMatter(
                LedesSamples.rewrite(LedesSamples.read("valid-two-fee-lines.txt"), token, Map.of()), unknownMatter);

        LedesSamples.drop(ledesDropDir(), token + "-unknown-matter.txt", text);

        JsonNode page = await().atMost(Duration.ofSeconds(40))
                .until(() -> deadLetterPage("entity=invoice&target=matter-management&q=" + number), p -> p.get("total").asLong() > 0);
        JsonNode deadLetter = deadLetter(page.at("/items/0/id").asLong());
        assertThat(deadLetter.get("error").asText()).contains("belongs to matter " + unknownMatter)
                .contains("the hub does not know matter " + unknownMatter);
        assertThat(deadLetter.get("stage").asText()).isEqualTo("deliver");
        assertThat(deadLetter.get("failedField").asText()).isEqualTo("matterKey");
        assertThat(deadLetter.get("failureKind").asText()).isEqualTo("permanent");
        assertThat(deadLetter.get("attempts").asInt()).as("tried again in case the matter was a moment behind").isGreaterThan(1);
        // the client's platform needs no matter of the hub's: it has the invoice already
        assertThat(sandbox.ebillingInvoices(number)).hasSize(1);

        long client = sandbox.createClient("Proseware " + unknownMatter, "Company");
        JsonNode matter = sandbox.createMatter(unknownMatter, "Proseware supply agreement", client, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> trailSteps("matter", unknownMatter, "canonicalized", null) > 0);
        long id = deadLetter.get("id").asLong();
        assertThat(api("POST", "/api/dead-letters/" + id + "/replay", null, "operator").statusCode()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(invoiceNotes(matter.get("id").asLong(), number)).hasSize(1);
            assertThat(deadLetter(id).get("status").asText()).isEqualTo("replayed");
        });
        assertThat(sandbox.ebillingInvoices(number)).hasSize(1);
    }

    @Test
    void theLedesApiWritesTheHubsInvoiceAsAValidFileCarryingTheSameValues() throws IOException {
        String token = LedesSamples.newToken();
        String number = LedesSamples.renumbered("INV20260415", token);
        String text = LedesSamples.rewrite(LedesSamples.read("valid-fees-expenses-adjustments.txt"), token, Map.of());
        LedesSamples.drop(ledesDropDir(), token + "-for-api.txt", text);
        await().atMost(Duration.ofSeconds(40)).until(() -> sandbox.ebillingInvoices(number).size() == 1);
        JsonNode canonical = SandboxClient.JSON.readTree(jdbc.sql("select canonical from record_state where entity_type = 'invoice' and hub_key = :k")
                .param("k", number).query(String.class).single());

        HttpResponse<String> answer = api("GET", "/api/invoices/" + number + "/ledes", null, "viewer");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        LedesReport report = validator.validate(answer.body());
        assertThat(report.valid()).as(report.violations().toString()).isTrue();
        assertThat(report.invoices()).hasSize(1);
        CanonicalSource source = new CanonicalSource(canonical.at("/source/system").asText(), canonical.at("/source/id").asText(),
                canonical.at("/source/version").asLong());
        assertThat((JsonNode) mapper.toCanonical(report.invoices().get(0), source)).isEqualTo(canonical);
        // and the same values as the file billing sent
        assertThat((JsonNode) mapper.toCanonical(validator.validate(text).invoices().get(0), source)).isEqualTo(canonical);

        HttpResponse<String> unknown = api("GET", "/api/invoices/NOSUCH" + token + "/ledes", null, "viewer");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("The hub has no invoice NOSUCH" + token);
        assertThat(api("GET", "/api/invoices/" + number + "/ledes", null, null).statusCode()).isEqualTo(401);
    }

    private List<Path> doneFiles(String... nameEnding) {
        return filesIn(ledesDropDir().resolve(".done"), nameEnding);
    }

    private List<Path> failedFiles(String... nameEnding) {
        return filesIn(ledesDropDir().resolve(".failed"), nameEnding);
    }

    private static List<Path> filesIn(Path folder, String... nameEnding) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> nameEnding.length == 0 || p.getFileName().toString().endsWith("-" + nameEnding[0])).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
