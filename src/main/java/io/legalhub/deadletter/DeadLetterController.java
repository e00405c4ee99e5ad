package io.legalhub.deadletter;

import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.legalhub.api.BadRequestException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The operator API over the dead-letter store. */
@RestController
@RequestMapping("/api/dead-letters")
public class DeadLetterController {

    private static final int MAX_PAGE_SIZE = 500;

    private final DeadLetterStore store;
    private final ReplayService replays;
    private final DeadLetterActions actions;
    private final ReplayPreview preview;

    public DeadLetterController(DeadLetterStore store, ReplayService replays, DeadLetterActions actions, ReplayPreview preview) {
        this.store = store;
        this.replays = replays;
        this.actions = actions;
        this.preview = preview;
    }

    @GetMapping
    public Map<String, Object> list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String system,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String target,
            @RequestParam(required = false) String entity,
            @RequestParam(required = false) String errorClass,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            @RequestParam(defaultValue = "id") String sort,
            @RequestParam(defaultValue = "desc") String direction) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new BadRequestException("page must be ≥ 0 and size between 1 and " + MAX_PAGE_SIZE);
        }
        if (!direction.equalsIgnoreCase("asc") && !direction.equalsIgnoreCase("desc")) {
            throw new BadRequestException("direction must be asc or desc");
        }
        DeadLetterQuery query = query(status, system, source, target, entity, errorClass, q, from, to);
        List<Map<String, Object>> items = store.search(query, page, size, sort, direction.equalsIgnoreCase("asc")).stream()
                .map(DeadLetterViews::summary).toList();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("items", items);
        result.put("page", page);
        result.put("size", size);
        result.put("total", store.count(query));
        return result;
    }

    @GetMapping("/{id}")
    public Map<String, Object> show(@PathVariable long id) {
        return DeadLetterViews.detail(store.get(id), store.history(id));
    }

    @PostMapping("/{id}/replay")
    public ResponseEntity<Map<String, Object>> replay(@PathVariable long id, Principal user) {
        DeadLetter replayed = replays.replay(id, user.getName());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(DeadLetterViews.summary(replayed));
    }

    @GetMapping("/{id}/dry-run")
    public Map<String, Object> dryRun(@PathVariable long id) {
        store.get(id);
        return preview.preview(id);
    }

    /** The new payload, as text: JSON for canonical and source records, LEDES for raw invoices. */
    @PutMapping(path = "/{id}/payload", consumes = MediaType.ALL_VALUE)
    public Map<String, Object> editPayload(@PathVariable long id, @RequestBody(required = false) String body, Principal user) {
        DeadLetter edited = actions.editPayload(id, body, user.getName());
        return DeadLetterViews.detail(edited, store.history(id));
    }

    @PostMapping("/{id}/discard")
    public Map<String, Object> discard(@PathVariable long id, @RequestBody(required = false) Map<String, String> body, Principal user) {
        return DeadLetterViews.summary(actions.discard(id, body == null ? null : body.get("reason"), user.getName()));
    }

    @PostMapping("/{id}/resolve")
    public Map<String, Object> resolve(@PathVariable long id, @RequestBody(required = false) Map<String, String> body, Principal user) {
        return DeadLetterViews.summary(actions.resolve(id, body == null ? null : body.get("note"), user.getName()));
    }

    /** Replays every open dead letter matching the same filters as the list, as a job: follow it at /api/jobs/{id}. */
    @PostMapping("/replay")
    public ResponseEntity<Map<String, Object>> replayMatching(
            @RequestParam(required = false) String system,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String target,
            @RequestParam(required = false) String entity,
            @RequestParam(required = false) String errorClass,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            Principal user) {
        long jobId = actions.replayMatching(query("open", system, source, target, entity, errorClass, q, from, to), user.getName());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("jobId", jobId);
        result.put("status", "/api/jobs/" + jobId);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(result);
    }

    private static DeadLetterQuery query(String status, String system, String source, String target, String entity,
                                         String errorClass, String q, OffsetDateTime from, OffsetDateTime to) {
        return new DeadLetterQuery(status == null || status.isBlank() ? null : DeadLetterStatus.of(status), blank(system),
                blank(source), blank(target), blank(entity), blank(errorClass), blank(q), from, to);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
