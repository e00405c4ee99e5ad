package io.legalhub.journal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.legalhub.api.NotFoundException;
import io.legalhub.xref.XrefStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** "Where is matter 2026-0012 now?": its trail through the hub and where it lives in each system. */
@RestController
public class TrailController {

    private final Journal journal;
    private final XrefStore xrefs;

    public TrailController(Journal journal, XrefStore xrefs) {
        this.journal = journal;
        this.xrefs = xrefs;
    }

    @GetMapping("/api/records/{entityType}/{key}/trail")
    public Map<String, Object> trail(@PathVariable String entityType, @PathVariable String key) {
        List<TrailStep> steps = journal.trail(entityType, key);
        List<XrefStore.Xref> where = xrefs.forRecord(entityType, key);
        if (steps.isEmpty() && where.isEmpty()) {
            throw new NotFoundException("The hub has no trail for " + entityType + " " + key);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("entityType", entityType);
        result.put("key", key);
        Map<String, String> systems = new LinkedHashMap<>();
        where.forEach(x -> systems.put(x.system(), x.systemId()));
        result.put("systems", systems);
        result.put("steps", steps);
        return result;
    }
}
