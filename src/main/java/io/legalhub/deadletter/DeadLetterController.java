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
import org.springframework.web.bind.annotation.PostMapping;
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

    public DeadLetterController(DeadLetterStore store, ReplayService replays) {
        this.store = store;
        this.replays = replays;
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
        DeadLetterQuery query = new DeadLetterQuery(status == null ? null : DeadLetterStatus.of(status), blank(system),
                blank(source), blank(target), blank(entity), blank(errorClass), blank(q), from, to);
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

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
