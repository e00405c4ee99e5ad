package io.legalhub.ingress;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.checkpoint.CheckpointStore;
import io.legalhub.messaging.Envelope;
import io.legalhub.systems.HubSystemsProperties;
import io.legalhub.systems.SystemClient;
import io.legalhub.systems.SystemResponse;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Incremental poll of a list endpoint: a "changed since" watermark ({@code updated_since}, or the
 * parameter the route names, e.g. the DMS's {@code filed_since}) plus paging, either Clio-style cursor
 * paging ({@code meta.paging.next}) or offset paging ({@code offset}, {@code limit}, {@code total_count},
 * as iManage-style APIs answer). Records are read from {@code data} in both. The position (the pass's starting watermark and the next page) is saved
 * only after every record of a page is on the broker, so a crash resumes at the first page not queued.
 * The next pass starts from the source's own clock at the start of this pass (its Date header), so
 * records changed while a pass runs are caught by the next one, whatever the clocks of the two machines say.
 */
@Component
public class IncrementalPoller {

    public static final String SYSTEM = "hubPollSystem";
    public static final String ENTITY = "hubPollEntity";
    public static final String PATH = "hubPollPath";
    public static final String PAGE_SIZE = "hubPollPageSize";
    public static final String NEXT_PAGE = "hubNextPage";
    /** "cursor" (default) or "offset". */
    public static final String PAGING = "hubPollPaging";
    /** The query parameter carrying the watermark; default updated_since. */
    public static final String SINCE = "hubPollSince";
    /** JSON pointers to the page's records and (offset paging) the total; default /data and /total_count. */
    public static final String ITEMS = "hubPollItems";
    public static final String TOTAL = "hubPollTotal";
    private static final String POSITION = "hubPollPosition";
    /** True on a record the previous pass already queued in this very version (see {@link PassOverlap}). */
    public static final String REPEATED = "hubPollRepeated";
    private static final Pattern OFFSET = Pattern.compile("[?&]offset=(\\d+)");

    private static final Logger log = LoggerFactory.getLogger(IncrementalPoller.class);

    private final SystemClient client;
    private final CheckpointStore checkpoints;
    private final HubSystemsProperties properties;
    private final ObjectMapper json;

    public IncrementalPoller(SystemClient client, CheckpointStore checkpoints, HubSystemsProperties properties, ObjectMapper json) {
        this.client = client;
        this.checkpoints = checkpoints;
        this.properties = properties;
        this.json = json;
    }

    public void startPass(Exchange exchange) throws IOException {
        String system = exchange.getProperty(SYSTEM, String.class);
        String entity = exchange.getProperty(ENTITY, String.class);
        ObjectNode position = checkpoints.position(system, entity)
                .map(this::readPosition)
                .orElseGet(json::createObjectNode);
        if (!position.hasNonNull("nextPage")) {
            position.put("nextPage", offsetPaging(exchange) ? offsetPage(exchange, position, 0)
                    : withQuery(exchange.getProperty(PATH, String.class)) + "order=id(asc)&limit=" + exchange.getProperty(PAGE_SIZE, 100, Integer.class)
                    + since(exchange, position));
            position.remove("passStartedAt");
        }
        exchange.setProperty(POSITION, position);
        exchange.setProperty(NEXT_PAGE, position.get("nextPage").asText());
    }

    /** Fetches the next page; the body becomes the list of records (JSON strings). */
    public void fetchPage(Exchange exchange) {
        String system = exchange.getProperty(SYSTEM, String.class);
        String page = exchange.getProperty(NEXT_PAGE, String.class);
        ObjectNode position = exchange.getProperty(POSITION, ObjectNode.class);
        SystemResponse response = client.send(system, "GET", relative(system, page), null, false);
        if (!position.hasNonNull("passStartedAt")) {
            position.put("passStartedAt", serverTime(response));
        }
        JsonNode answer = client.parse(system, response.body());
        List<String> records = new ArrayList<>();
        answer.at(exchange.getProperty(ITEMS, "/data", String.class)).forEach(record -> records.add(record.toString()));
        if (offsetPaging(exchange)) {
            int offset = pageOffset(page);
            long total = answer.at(exchange.getProperty(TOTAL, "/total_count", String.class)).asLong(0);
            boolean more = !records.isEmpty() && offset + records.size() < total;
            exchange.setProperty(NEXT_PAGE, more ? offsetPage(exchange, position, offset + records.size()) : null);
        } else {
            JsonNode next = answer.at("/meta/paging/next");
            exchange.setProperty(NEXT_PAGE, next.isTextual() && !next.asText().isBlank() ? next.asText() : null);
        }
        exchange.getIn().setBody(records);
        exchange.setProperty("hubPageRecords", records.size());
    }

    /** Wraps one polled record in the hub's envelope. */
    public void envelope(Exchange exchange) throws IOException {
        String system = exchange.getProperty(SYSTEM, String.class);
        String entity = exchange.getProperty(ENTITY, String.class);
        Message in = exchange.getIn();
        JsonNode record = json.readTree(in.getBody(String.class));
        String sourceId = record.path("id").asText();
        ObjectNode position = exchange.getProperty(POSITION, ObjectNode.class);
        String fingerprint = io.legalhub.systems.RecordFingerprint.of(record);
        exchange.setProperty(REPEATED, PassOverlap.repeated(position, sourceId, fingerprint));
        PassOverlap.remember(position, sourceId, fingerprint, record);
        in.removeHeaders("*");
        Envelope.stampArrival(in, entity, system, sourceId,
                record.hasNonNull("version") ? record.get("version").asLong() : null, "poll");
    }

    /** Every record of the page is on the broker: save the position. */
    public void pageQueued(Exchange exchange) {
        String system = exchange.getProperty(SYSTEM, String.class);
        String entity = exchange.getProperty(ENTITY, String.class);
        ObjectNode position = exchange.getProperty(POSITION, ObjectNode.class);
        String next = exchange.getProperty(NEXT_PAGE, String.class);
        if (next != null) {
            position.put("nextPage", next);
        } else {
            // pass complete: the next one asks for everything changed since this one began
            position.put("updatedSince", position.path("passStartedAt").asText());
            PassOverlap.passComplete(position);
            position.remove("nextPage");
            position.remove("passStartedAt");
        }
        checkpoints.save(system, entity, position.toString());
        Integer count = exchange.getProperty("hubPageRecords", 0, Integer.class);
        if (count > 0) {
            log.info("Polled {} {} record(s) from {}{}", count, entity, system, next == null ? "; pass complete" : "; more pages");
        }
    }

    private static boolean offsetPaging(Exchange exchange) {
        return "offset".equals(exchange.getProperty(PAGING, "cursor", String.class));
    }

    /** "&updated_since=…" from the pass's watermark, or nothing on the very first pass. */
    private static String since(Exchange exchange, ObjectNode position) {
        if (!position.hasNonNull("updatedSince")) {
            return "";
        }
        return "&" + exchange.getProperty(SINCE, "updated_since", String.class) + "="
                + URLEncoder.encode(position.get("updatedSince").asText(), StandardCharsets.UTF_8);
    }

    /**
     * A page of an offset-paged list. Offsets stay stable through a pass because the watermark is fixed
     * for the pass and records filed meanwhile sort after the ones already listed.
     */
    private static String offsetPage(Exchange exchange, ObjectNode position, int offset) {
        return withQuery(exchange.getProperty(PATH, String.class)) + "offset=" + offset + "&limit="
                + exchange.getProperty(PAGE_SIZE, 100, Integer.class) + since(exchange, position);
    }

    /** The path ready for more query parameters: "…?" or, when it has some already (e.g. fields=), "…&". */
    private static String withQuery(String path) {
        return path + (path.contains("?") ? "&" : "?");
    }

    private static int pageOffset(String page) {
        Matcher m = OFFSET.matcher(page);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private String relative(String system, String page) {
        String base = properties.system(system).getBaseUrl();
        if (page.startsWith(base)) {
            return page.substring(base.length());
        }
        if (page.startsWith("http://") || page.startsWith("https://")) {
            // a next link naming another host is not followed blindly
            int path = page.indexOf('/', page.indexOf("//") + 2);
            String prefix = java.net.URI.create(base).getPath();
            String rest = path < 0 ? "/" : page.substring(path);
            return rest.startsWith(prefix) ? rest.substring(prefix.length()) : rest;
        }
        return page;
    }

    /** The source's clock at the start of the pass, minus a second because HTTP dates have whole seconds. */
    private static String serverTime(SystemResponse response) {
        Instant now = response.headers().firstValue("Date")
                .map(d -> ZonedDateTime.parse(d, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant())
                .orElseGet(() -> Instant.now().minusSeconds(60));
        return now.minusSeconds(1).toString();
    }

    private ObjectNode readPosition(String text) {
        try {
            return (ObjectNode) json.readTree(text);
        } catch (IOException | ClassCastException e) {
            log.warn("Unreadable poll position '{}'; starting a full pass", text);
            return json.createObjectNode();
        }
    }
}
