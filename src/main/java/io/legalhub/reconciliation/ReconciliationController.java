package io.legalhub.reconciliation;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.legalhub.api.BadRequestException;
import io.legalhub.api.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The reconciliation API: start runs, read them (JSON or CSV), re-sync what drifted. */
@RestController
@RequestMapping("/api/reconciliation/runs")
public class ReconciliationController {

    private static final int MAX_RUNS = 500;
    private static final Set<String> RESYNC_FIELDS = Set.of("keys", "kinds", "systems");

    private final ReconciliationService reconciliation;
    private final ResyncService resyncs;
    private final ReconciliationStore store;
    private final ObjectMapper json;

    public ReconciliationController(ReconciliationService reconciliation, ResyncService resyncs, ReconciliationStore store, ObjectMapper json) {
        this.reconciliation = reconciliation;
        this.resyncs = resyncs;
        this.store = store;
        this.json = json;
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> start(@RequestParam(required = false) String system, Principal user) {
        Run run = reconciliation.start(system == null || system.isBlank() ? null : system.trim(), user.getName(), Run.TRIGGER_API);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/reconciliation/runs/" + run.id()))
                .body(RunViews.summary(run, List.of()));
    }

    @GetMapping
    public Map<String, Object> list(@RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_RUNS) {
            throw new BadRequestException("limit must be between 1 and " + MAX_RUNS);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("items", store.recent(limit).stream().map(run -> RunViews.summary(run, store.systems(run.id()))).toList());
        return result;
    }

    @GetMapping("/{id}")
    public Map<String, Object> show(@PathVariable long id,
                                    @RequestParam(required = false) String kind,
                                    @RequestParam(required = false) String system,
                                    @RequestParam(required = false) String key) {
        Run run = run(id);
        FindingKind onlyKind = kind == null || kind.isBlank() ? null : FindingKind.of(kind);
        List<RecordedFinding> findings = store.findings(id).stream()
                .filter(f -> onlyKind == null || f.finding().kind() == onlyKind)
                .filter(f -> system == null || system.isBlank() || system.trim().equals(f.finding().system()))
                .filter(f -> key == null || key.isBlank() || key.trim().equals(f.finding().key()))
                .toList();
        return RunViews.detail(run, store.systems(id), findings);
    }

    @GetMapping("/{id}/report.csv")
    public ResponseEntity<byte[]> report(@PathVariable long id) {
        run(id);
        byte[] csv = FindingsCsv.write(id, store.findings(id)).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", Map.of("charset", "UTF-8", "header", "present")))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"reconciliation-" + id + ".csv\"")
                .body(csv);
    }

    @PostMapping("/{id}/resync")
    public ResponseEntity<Map<String, Object>> resync(@PathVariable long id, @RequestBody(required = false) String body, Principal user) {
        List<ResyncService.Queued> queued = resyncs.resync(id, selection(body), user.getName());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("run", id);
        result.put("queued", queued.size());
        result.put("records", queued);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(result);
    }

    @ExceptionHandler(RunInProgressException.class)
    ProblemDetail runInProgress(RunInProgressException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(ResyncNotQueuedException.class)
    ProblemDetail notQueued(ResyncNotQueuedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    }

    private Run run(long id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("No reconciliation run " + id));
    }

    /** The optional body {"keys":[…],"kinds":[…],"systems":[…]}; anything else is refused, never ignored. */
    private ResyncService.Selection selection(String body) {
        if (body == null || body.isBlank()) {
            return new ResyncService.Selection(List.of(), List.of(), List.of());
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadRequestException("The body is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
        }
        if (!node.isObject()) {
            throw new BadRequestException("The body must be a JSON object such as {\"keys\":[\"2026-0012\"],\"kinds\":[\"missing\"]}");
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!RESYNC_FIELDS.contains(name)) {
                throw new BadRequestException("Unknown field '" + name + "' in the body; it may hold keys, kinds and systems");
            }
        }
        List<FindingKind> kinds = new ArrayList<>();
        strings(node, "kinds").forEach(k -> kinds.add(FindingKind.of(k)));
        return new ResyncService.Selection(strings(node, "keys"), kinds, strings(node, "systems"));
    }

    private static List<String> strings(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new BadRequestException("'" + field + "' must be a list of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual() || item.asText().isBlank()) {
                throw new BadRequestException("'" + field + "' must be a list of non-empty strings, got " + item);
            }
            values.add(item.asText().trim());
        }
        return values;
    }
}
