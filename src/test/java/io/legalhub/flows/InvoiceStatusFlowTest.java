package io.legalhub.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.legalhub.support.HubIntegrationTest;
import io.legalhub.support.LedesSamples;
import io.legalhub.support.SandboxClient;
import org.junit.jupiter.api.Test;

/** Review decisions the client makes in its e-billing platform reach the invoice in billing. */
class InvoiceStatusFlowTest extends HubIntegrationTest {

    @Test
    void approvedRejectedWithAReasonAndPaidInTheClientsEbillingReachBilling() {
        String approved = submitAndAwaitInEbilling("valid-two-fee-lines.txt");
        String rejected = submitAndAwaitInEbilling("valid-two-fee-lines.txt");
        String paid = submitAndAwaitInEbilling("valid-two-fee-lines.txt");

        sandbox.decideInvoice(approved, SandboxClient.JSON.createObjectNode().put("status", "approved"));
        sandbox.decideInvoice(rejected, SandboxClient.JSON.createObjectNode().put("status", "rejected")
                .put("reason", "Block billing on line 2: split the entry by task"));
        sandbox.decideInvoice(paid, SandboxClient.JSON.createObjectNode().put("status", "approved"));
        await().atMost(Duration.ofSeconds(30)).until(() -> billingStatus(paid).equals("approved"));
        sandbox.decideInvoice(paid, SandboxClient.JSON.createObjectNode().put("status", "paid").put("paid_at", "2026-03-01"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(billingStatus(approved)).isEqualTo("approved");
            JsonNode rejectedInBilling = sandbox.billingInvoice(rejected);
            assertThat(rejectedInBilling.get("status").asText()).isEqualTo("rejected");
            assertThat(rejectedInBilling.get("status_reason").asText()).isEqualTo("Block billing on line 2: split the entry by task");
            JsonNode paidInBilling = sandbox.billingInvoice(paid);
            assertThat(paidInBilling.get("status").asText()).isEqualTo("paid");
            assertThat(paidInBilling.get("paid_at").asText()).isEqualTo("2026-03-01");
        });
        awaitQueuesDrained();
        assertThat(statusWrites(approved)).isEqualTo(1);
        assertThat(statusWrites(rejected)).isEqualTo(1);
        assertThat(statusWrites(paid)).isEqualTo(2);
    }

    @Test
    void aCorrectionOfAnInvoiceTheClientAlreadyApprovedIsRefusedByThePlatformAndDeadLetteredWithItsReason() {
        String token = LedesSamples.newToken();
        String number = LedesSamples.renumbered("INV20260415", token);
        String text = LedesSamples.rewrite(LedesSamples.read("valid-two-fee-lines.txt"), token, Map.of());
        sandbox.submitInvoice(text);
        String id = awaitInEbilling(number).get("id").asText();
        sandbox.decideInvoice(number, SandboxClient.JSON.createObjectNode().put("status", "approved"));
        await().atMost(Duration.ofSeconds(30)).until(() -> billingStatus(number).equals("approved"));
        awaitQueuesDrained();

        // billing sends a corrected file after the client approved the invoice
        LedesSamples.drop(ledesDropDir(), token + "-corrected.txt",
                text.replace("Review and analyze contract history", "Review and analyse the contract history"));

        JsonNode page = await().atMost(Duration.ofSeconds(40))
                .until(() -> deadLetterPage("entity=invoice&target=ebilling&q=" + number), p -> p.get("total").asLong() > 0);
        JsonNode deadLetter = deadLetter(page.at("/items/0/id").asLong());
        assertThat(deadLetter.get("failureKind").asText()).isEqualTo("permanent");
        assertThat(deadLetter.get("error").asText()).contains("approved");
        awaitQueuesDrained();
        assertThat(sandbox.ebillingInvoices(number)).singleElement().satisfies(i -> {
            assertThat(i.get("id").asText()).isEqualTo(id);
            assertThat(i.get("status").asText()).as("the client's approval stands").isEqualTo("approved");
        });
        assertThat(sandbox.ebillingLedes(id)).contains("Review and analyze contract history");
        assertThat(statusWrites(number)).isEqualTo(1);
        assertThat(billingStatus(number)).isEqualTo("approved");
    }

    @Test
    void aStatusChangeBillingRefusesIsDeadLetteredWithBillingsReason() {
        String number = submitAndAwaitInEbilling("valid-two-fee-lines.txt");
        // billing has no "appealed → approved → paid" shortcut for an invoice it already marked paid elsewhere:
        // mark it paid in billing first, then the client approves it in the platform
        sandbox.ok("PUT", "/billing/api/v1/invoices/" + number + "/status", SandboxClient.JSON.createObjectNode().put("status", "approved"));
        sandbox.ok("PUT", "/billing/api/v1/invoices/" + number + "/status", SandboxClient.JSON.createObjectNode().put("status", "paid")
                .put("paid_at", "2026-03-02"));
        sandbox.decideInvoice(number, SandboxClient.JSON.createObjectNode().put("status", "rejected").put("reason", "Too late"));

        JsonNode page = await().atMost(Duration.ofSeconds(30))
                .until(() -> deadLetterPage("entity=invoice-status&target=billing&q=" + number), p -> p.get("total").asLong() > 0);
        JsonNode deadLetter = deadLetter(page.at("/items/0/id").asLong());
        assertThat(deadLetter.get("error").asText()).contains("cannot go from paid to rejected");
        assertThat(deadLetter.get("failureKind").asText()).isEqualTo("permanent");
        assertThat(deadLetter.get("stage").asText()).isEqualTo("deliver");
        awaitQueuesDrained();
        assertThat(deadLetterPage("entity=invoice-status&target=billing&q=" + number).get("total").asLong()).isEqualTo(1);
        assertThat(billingStatus(number)).isEqualTo("paid");
    }

    /** Submits a sample in billing under a fresh invoice number and waits for it in e-billing; returns the number. */
    private String submitAndAwaitInEbilling(String sample) {
        String token = LedesSamples.newToken();
        sandbox.submitInvoice(LedesSamples.rewrite(LedesSamples.read(sample), token, Map.of()));
        String number = LedesSamples.renumbered("INV20260415", token);
        awaitInEbilling(number);
        return number;
    }

    private JsonNode awaitInEbilling(String number) {
        return await().atMost(Duration.ofSeconds(40)).until(() -> sandbox.ebillingInvoices(number), b -> b.size() == 1).get(0);
    }

    private String billingStatus(String number) {
        return sandbox.billingInvoice(number).get("status").asText();
    }

    /** Status changes the hub sent to billing for this invoice. */
    private long statusWrites(String number) {
        return sandbox.requests("billing").stream()
                .filter(r -> r.get("method").asText().equals("PUT"))
                .filter(r -> r.get("path").asText().endsWith("/invoices/" + number + "/status"))
                .count();
    }
}
