package io.legalhub.invoice;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.legalhub.checkpoint.CheckpointStore;
import io.legalhub.messaging.Envelope;
import io.legalhub.systems.SystemClient;
import io.legalhub.systems.SystemResponse;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Scheduled poll of billing's LEDES export: one request per pass for every invoice changed since the last
 * pass ({@code updated_since}), answered as one LEDES 1998B file (several invoices possible) or 204 when there
 * is nothing. The whole file becomes one message on {@code hub.in.invoice}.
 *
 * <p>The watermark (checkpoint {@code <system>/invoice}) moves only after the file is on the broker, and it is
 * the source's own clock at the request (its Date header, less a second because HTTP dates have whole seconds),
 * so an invoice submitted while a pass runs is caught by the next one whatever the two machines' clocks say.
 * That time, in epoch milliseconds, is also the version of every invoice in the file: LEDES carries no version,
 * and "exported later" is the order that matters (see {@link LedesFileIngress} for dropped files).
 */
@Component("ledesExportPoller")
public class LedesExportPoller {

    public static final String SYSTEM = "hubPollSystem";
    public static final String ENTITY = "hubPollEntity";
    public static final String PATH = "hubPollPath";
    private static final String WATERMARK = "hubPollWatermark";

    private static final Logger log = LoggerFactory.getLogger(LedesExportPoller.class);

    private final SystemClient client;
    private final CheckpointStore checkpoints;
    private final ObjectMapper json;

    public LedesExportPoller(SystemClient client, CheckpointStore checkpoints, ObjectMapper json) {
        this.client = client;
        this.checkpoints = checkpoints;
        this.json = json;
    }

    /** Asks for the export; the body becomes the LEDES text, or null when there is nothing new. */
    public void fetch(Exchange exchange) {
        exchange.getIn().removeHeaders("*");
        exchange.getIn().setBody(null);
        String system = exchange.getProperty(SYSTEM, String.class);
        String entity = exchange.getProperty(ENTITY, String.class);
        String path = exchange.getProperty(PATH, String.class);
        String since = checkpoints.position(system, entity).map(this::updatedSince).orElse(null);
        String request = since == null ? path
                : path + (path.contains("?") ? "&" : "?") + "updated_since=" + URLEncoder.encode(since, StandardCharsets.UTF_8);

        SystemResponse response = client.send(system, "GET", request, null, false);
        Instant sourceNow = sourceClock(response);
        exchange.setProperty(WATERMARK, sourceNow.minusSeconds(1).toString());

        Message in = exchange.getIn();
        String text = response.body();
        if (response.status() == 204 || text == null || text.isBlank()) {
            return;
        }
        String exportName = system + "'s LEDES export of " + sourceNow;
        in.setHeader(Envelope.ENTITY, entity);
        in.setHeader(Envelope.SOURCE_SYSTEM, system);
        in.setHeader(Envelope.SOURCE_ID, "export-" + sourceNow);
        in.setHeader(Envelope.SOURCE_VERSION, sourceNow.toEpochMilli());
        in.setHeader(Envelope.MESSAGE_ID, LedesEnvelope.exportMessageId(system, text));
        in.setHeader(Envelope.VIA, "poll");
        in.setHeader(Envelope.GROUP, Envelope.group(entity, system + "/export"));
        in.setHeader(LedesEnvelope.SOURCE_FILE, exportName);
        in.setBody(text);
        log.info("Polled {} ({} invoice(s))", exportName,
                response.headers().firstValue("X-Invoice-Count").orElse("an unstated number of"));
    }

    /** The file is on the broker (or there was none): the next pass asks from this one's start. */
    public void queued(Exchange exchange) {
        String watermark = exchange.getProperty(WATERMARK, String.class);
        checkpoints.save(exchange.getProperty(SYSTEM, String.class), exchange.getProperty(ENTITY, String.class),
                json.createObjectNode().put("updatedSince", watermark).toString());
    }

    private String updatedSince(String position) {
        try {
            JsonNode node = json.readTree(position);
            return node.hasNonNull("updatedSince") ? node.get("updatedSince").asText() : null;
        } catch (IOException e) {
            log.warn("Unreadable poll position '{}'; asking for the whole export", position);
            return null;
        }
    }

    private static Instant sourceClock(SystemResponse response) {
        return response.headers().firstValue("Date").map(date -> {
            try {
                return ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }).orElseGet(() -> Instant.now().minusSeconds(60));
    }
}
