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

/** Issue 3, flow 4: review decisions made on a bill in matter management reach the invoice in billing. */
class InvoiceStatusFlowTest extends HubIntegrationTest {

    @Test
    void approvedRejectedWithAReasonAndPaidInMatterManagementReachBilling() {
        String approved = submitAndAwaitBill("valid-two-fee-lines.txt");
        String rejected = submitAndAwaitBill("valid-two-fee-lines.txt");
        String paid = submitAndAwaitBill("valid-two-fee-lines.txt");

        decide(approved, SandboxClient.JSON.createObjectNode().put("status", "approved"));
        decide(rejected, SandboxClient.JSON.createObjectNode().put("status", "rejected")
                .put("rejection_reason", "Block billing on line 2: split the entry by task"));
        decide(paid, SandboxClient.JSON.createObjectNode().put("status", "approved"));
        await().atMost(Duration.ofSeconds(30)).until(() -> billingStatus(paid).equals("approved"));
        decide(paid, SandboxClient.JSON.createObjectNode().put("status", "paid").put("paid_at", "2026-03-01"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(billingStatus(approved)).isEqualTo("approved");
            JsonNode rejectedInBilling = sandbox.billingInvoice(rejected);
            assertThat(rejectedInBilling.get("status").asText()).isEqualTo("rejected");
            assertThat(rejectedInBilling.get("status_reason").asText()).isEqualTo("Block billing on line 2: split the entry by task");
            JsonNode paidInBilling = sandbox.billingInvoice(paid);
            assertThat(paidInBilling.get("status").asText()).isEqualTo("paid");
            assertThat(paidInBilling.get("paid_at").asText()).isEqualTo("2026-03-01");
        });
        assertThat(statusWrites(approved)).isEqualTo(1);
        assertThat(statusWrites(rejected)).isEqualTo(1);
        assertThat(statusWrites(paid)).isEqualTo(2);
    }

    @Test
    void theHubsOwnWriteToABillComingBackAsAWebhookWritesNoSecondStatusToBilling() {
        String token = LedesSamples.newToken();
        String number = LedesSamples.renumbered("INV20260415", token);
        String text = LedesSamples.rewrite(LedesSamples.read("valid-two-fee-lines.txt"), token, Map.of());
        sandbox.submitInvoice(text);
        long billId = awaitBill(number).get("id").asLong();
        decide(number, SandboxClient.JSON.createObjectNode().put("status", "approved"));
        await().atMost(Duration.ofSeconds(30)).until(() -> billingStatus(number).equals("approved"));
        awaitQueuesDrained();

        // billing sends a corrected file: the hub updates the bill, matter management answers with a bill webhook
        LedesSamples.drop(ledesDropDir(), token + "-corrected.txt",
                text.replace("Review and analyze contract history", "Review and analyse the contract history"));

        await().atMost(Duration.ofSeconds(40)).until(() -> sandbox.bills(number).get(0).get("version").asLong() == 3);
        await().atMost(Duration.ofSeconds(40)).until(() -> jdbc.sql("select count(*) from journal where entity_type = 'invoice-status'"
                + " and record_key = :k and step = 'unchanged' and system_name = 'billing' and source_version = 3")
                .param("k", number).query(Long.class).single() > 0);
        awaitQueuesDrained();
        JsonNode bill = sandbox.bills(number).get(0);
        assertThat(bill.get("id").asLong()).isEqualTo(billId);
        assertThat(bill.get("status").asText()).as("the resend does not undo the approval").isEqualTo("approved");
        assertThat(bill.at("/line_items/1/description").asText()).isEqualTo("Review and analyse the contract history");
        assertThat(statusWrites(number)).isEqualTo(1);
        assertThat(billingStatus(number)).isEqualTo("approved");
    }

    @Test
    void aStatusChangeBillingRefusesIsDeadLetteredWithBillingsReason() {
        String number = submitAndAwaitBill("valid-two-fee-lines.txt");

        decide(number, SandboxClient.JSON.createObjectNode().put("status", "paid").put("paid_at", "2026-03-02"));

        JsonNode page = await().atMost(Duration.ofSeconds(30))
                .until(() -> deadLetterPage("entity=invoice-status&target=billing&q=" + number), p -> p.get("total").asLong() > 0);
        JsonNode deadLetter = deadLetter(page.at("/items/0/id").asLong());
        assertThat(deadLetter.get("error").asText()).contains("cannot go from submitted to paid");
        assertThat(deadLetter.get("failureKind").asText()).isEqualTo("permanent");
        assertThat(deadLetter.get("stage").asText()).isEqualTo("deliver");
        // the same decision also arrives by the bill poll: it updates this dead letter, it adds none
        awaitQueuesDrained();
        assertThat(deadLetterPage("entity=invoice-status&target=billing&q=" + number).get("total").asLong()).isEqualTo(1);
        assertThat(billingStatus(number)).isEqualTo("submitted");
    }

    /** Submits a sample in billing under a fresh invoice number and waits for its bill; returns the number. */
    private String submitAndAwaitBill(String sample) {
        String token = LedesSamples.newToken();
        sandbox.submitInvoice(LedesSamples.rewrite(LedesSamples.read(sample), token, Map.of()));
        String number = LedesSamples.renumbered("INV20260415", token);
        awaitBill(number);
        return number;
    }

    private JsonNode awaitBill(String number) {
        return await().atMost(Duration.ofSeconds(40)).until(() -> sandbox.bills(number), b -> b.size() == 1).get(0);
    }

    private void decide(String number, com.fasterxml.jackson.databind.node.ObjectNode change) {
        sandbox.updateBill(sandbox.bills(number).get(0).get("id").asLong(), change);
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
