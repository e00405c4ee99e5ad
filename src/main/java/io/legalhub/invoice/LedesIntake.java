package io.legalhub.invoice;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.deadletter.ReplayOutcome;
import io.legalhub.ledes.CanonicalInvoiceMapper;
import io.legalhub.ledes.CanonicalSource;
import io.legalhub.ledes.LedesFileSplitter;
import io.legalhub.ledes.LedesInvoice;
import io.legalhub.ledes.LedesReport;
import io.legalhub.ledes.LedesValidationException;
import io.legalhub.ledes.LedesValidator;
import io.legalhub.messaging.Envelope;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The canonicalize stage of a LEDES file (route {@code invoice-canonicalize}).
 *
 * <p>The whole file is validated first. If no invoice in it can go on, the file is the unit of failure: one
 * dead letter listing every violation with its line and field. Otherwise the file is cut into its invoices
 * and each goes its own way: a valid invoice becomes a canonical invoice, an invalid one becomes a dead letter
 * of its own (its body the invoice alone, as a LEDES file, so it can be fixed and replayed without touching the
 * others). A file whose every invoice is valid is simply split.
 */
@Component("ledesIntake")
public class LedesIntake {

    /** Exchange property: how the parts of one file fared, shared with the split's sub-exchanges. */
    public static final String OUTCOME = "hubLedesOutcome";

    private static final Logger log = LoggerFactory.getLogger(LedesIntake.class);
    private static final int MAX_KEY = 200;

    private final LedesValidator validator;
    private final CanonicalInvoiceMapper mapper;
    private final ReplayOutcome replays;

    public LedesIntake(LedesValidator validator, CanonicalInvoiceMapper mapper, ReplayOutcome replays) {
        this.validator = validator;
        this.mapper = mapper;
        this.replays = replays;
    }

    /** Counts the parts of one file that made it through; shared by reference with every part. */
    public static final class Outcome {
        private final int parts;
        private final AtomicInteger accepted = new AtomicInteger();

        Outcome(int parts) {
            this.parts = parts;
        }
    }

    /**
     * Validates the file and replaces the body with its parts (messages the route splits on): the file itself
     * when it holds one invoice, else one standalone file per invoice.
     *
     * @throws LedesValidationException when no invoice of the file can go on (one dead letter for the file)
     */
    public void splitFile(Exchange exchange) {
        Message in = exchange.getIn();
        if (in.getHeader(Envelope.MESSAGE_ID) == null) {
            in.setHeader(Envelope.MESSAGE_ID, UUID.randomUUID().toString());
        }
        String text = in.getBody(String.class);
        LedesReport report = validator.validate(text == null ? "" : text);
        List<LedesFileSplitter.InvoiceText> invoices = LedesFileSplitter.split(text == null ? "" : text);
        boolean anyValid = invoices.stream().anyMatch(i -> !i.invoiceNumber().isBlank() && report.invoiceValid(i.invoiceNumber()));
        if (!anyValid || report.invoices().isEmpty()) {
            String key = keyOf(invoices);
            if (!key.isEmpty()) {
                in.setHeader(Envelope.KEY, key);
            }
            throw new LedesValidationException(source(in), report);
        }

        exchange.setProperty(OUTCOME, new Outcome(invoices.size()));
        if (invoices.size() == 1) {
            in.setBody(List.of(part(exchange, text, invoices.get(0).invoiceNumber(), null)));
            return;
        }
        List<Message> parts = new ArrayList<>(invoices.size());
        for (LedesFileSplitter.InvoiceText invoice : invoices) {
            parts.add(part(exchange, invoice.text(), invoice.invoiceNumber(), invoice));
        }
        if (!report.valid()) {
            log.warn("{}: {} of {} invoices are invalid and go to dead letters of their own; the others go on",
                    in.getHeader(LedesEnvelope.SOURCE_FILE, "LEDES file", String.class),
                    invoices.stream().filter(i -> !report.invoiceValid(i.invoiceNumber())).count(), invoices.size());
        }
        in.setBody(parts);
    }

    /**
     * One invoice (the body is a LEDES file holding only it) to a canonical invoice.
     *
     * @throws LedesValidationException when the invoice is invalid (its own dead letter)
     */
    public void toCanonical(Exchange exchange) {
        Message in = exchange.getIn();
        LedesReport report = validator.validate(in.getBody(String.class));
        if (!report.valid() || report.invoices().size() != 1) {
            throw new LedesValidationException(subjectOfPart(in), report);
        }
        LedesInvoice invoice = report.invoices().get(0);
        CanonicalSource source = new CanonicalSource(
                in.getHeader(Envelope.SOURCE_SYSTEM, "billing", String.class),
                invoice.invoiceNumber(),
                in.getHeader(Envelope.SOURCE_VERSION, 0L, Long.class));
        ObjectNode canonical = mapper.toCanonical(invoice, source);
        in.setBody(canonical.toString());
    }

    /** The last step of a part: it was accepted (or found stale), not dead-lettered. */
    public void partDone(Exchange exchange) {
        Outcome outcome = exchange.getProperty(OUTCOME, Outcome.class);
        if (outcome != null) {
            outcome.accepted.incrementAndGet();
        }
    }

    /**
     * After the split: closes a replayed dead letter. A file cut into several invoices closes it whatever
     * became of each, because each invalid invoice now has a dead letter of its own; a single invoice closes
     * it only if it went through (a failure has re-opened it).
     */
    public void finish(Exchange exchange) {
        Outcome outcome = exchange.getProperty(OUTCOME, Outcome.class);
        int accepted = outcome.accepted.get();
        String source = source(exchange.getIn());
        if (outcome.parts > 1) {
            replays.succeeded(exchange, "the file was split: " + accepted + " of " + outcome.parts
                    + " invoices went on; any other has a dead letter of its own");
            log.info("{}: {} of {} invoices canonicalized", source, accepted, outcome.parts);
        } else if (accepted == 1) {
            replays.succeeded(exchange, "canonicalized and fanned out");
        }
    }

    private static Message part(Exchange exchange, String text, String invoiceNumber, LedesFileSplitter.InvoiceText cut) {
        Message in = exchange.getIn();
        DefaultMessage part = new DefaultMessage(exchange);
        part.setHeaders(new HashMap<>(in.getHeaders()));
        part.setBody(text);
        String number = invoiceNumber.isBlank() ? "(no invoice number)" : invoiceNumber;
        if (invoiceNumber.isBlank()) {
            part.removeHeader(Envelope.KEY);
        } else {
            part.setHeader(Envelope.KEY, invoiceNumber);
        }
        part.setHeader(Envelope.GROUP, Envelope.group("invoice", number));
        if (cut != null) {
            // each invoice of the file fails or succeeds on its own: its own message id, so its own dead letter
            part.setHeader(Envelope.MESSAGE_ID, LedesEnvelope.invoiceMessageId(in.getHeader(Envelope.MESSAGE_ID, String.class), number));
            part.setHeader(LedesEnvelope.SOURCE_LINES, cut.lineRange());
            // a replayed file that is now split closes its dead letter in finish(); parts that fail get new ones
            part.removeHeader(Envelope.DEAD_LETTER_ID);
        }
        return part;
    }

    private static String source(Message in) {
        return in.getHeader(LedesEnvelope.SOURCE_FILE, "LEDES file", String.class);
    }

    private static String subjectOfPart(Message in) {
        String lines = in.getHeader(LedesEnvelope.SOURCE_LINES, String.class);
        String key = in.getHeader(Envelope.KEY, "with no invoice number", String.class);
        if (lines == null) {
            return source(in);
        }
        return "Invoice " + key + " of " + source(in) + " (" + lines + " there; the line numbers below count in the"
                + " invoice on its own, as this dead letter holds it)";
    }

    private static String keyOf(List<LedesFileSplitter.InvoiceText> invoices) {
        String key = String.join(",", invoices.stream().map(LedesFileSplitter.InvoiceText::invoiceNumber)
                .filter(n -> !n.isBlank()).toList());
        return key.length() <= MAX_KEY ? key : key.substring(0, MAX_KEY - 1) + "…";
    }
}
