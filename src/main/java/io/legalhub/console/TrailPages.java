package io.legalhub.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.legalhub.deadletter.DeadLetterQuery;
import io.legalhub.deadletter.DeadLetterStore;
import io.legalhub.journal.Journal;
import io.legalhub.journal.TrailStep;
import io.legalhub.systems.HubSystemsProperties;
import io.legalhub.xref.XrefStore;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Where is matter 2025-0012 now?": its id in each system, each step it went through, and its dead letters. */
@Controller
class TrailPages {

    private static final Pattern DEAD_LETTER = Pattern.compile("dead letter (\\d+)");
    private static final int RELATED_LIMIT = 100;

    private final Journal journal;
    private final XrefStore xrefs;
    private final DeadLetterStore deadLetters;
    private final HubSystemsProperties properties;

    TrailPages(Journal journal, XrefStore xrefs, DeadLetterStore deadLetters, HubSystemsProperties properties) {
        this.journal = journal;
        this.xrefs = xrefs;
        this.deadLetters = deadLetters;
        this.properties = properties;
    }

    /** One step, with the dead letter it names (if any) so the page can link to it. */
    public record Step(TrailStep step, Long deadLetterId) {
    }

    /** Where the record is in one system: its id there, and the last thing that happened there. */
    public record Place(String system, String systemId, TrailStep last) {
    }

    @GetMapping("/console/trail")
    String trail(@RequestParam(defaultValue = "matter") String entity, @RequestParam(required = false) String key, Model model) {
        model.addAttribute("entities", properties.getFlows().keySet());
        model.addAttribute("entity", entity);
        model.addAttribute("key", key == null ? "" : key.trim());
        if (key == null || key.isBlank()) {
            return "console/trail";
        }
        String k = key.trim();
        List<TrailStep> steps = journal.trail(entity, k);
        List<XrefStore.Xref> ids = xrefs.forRecord(entity, k);
        model.addAttribute("searched", true);
        model.addAttribute("found", !steps.isEmpty() || !ids.isEmpty());
        model.addAttribute("steps", steps.stream().map(s -> new Step(s, deadLetterIn(s.detail()))).toList());
        model.addAttribute("places", places(steps, ids));
        model.addAttribute("deadLetters", deadLetters.search(
                        new DeadLetterQuery(null, null, null, null, entity, null, k, null, null), 0, RELATED_LIMIT, "id", false)
                .stream().filter(d -> k.equals(d.recordKey())).map(DeadLetterPages.Row::of).toList());
        return "console/trail";
    }

    private static List<Place> places(List<TrailStep> steps, List<XrefStore.Xref> ids) {
        Map<String, String> idBySystem = new LinkedHashMap<>();
        ids.forEach(x -> idBySystem.put(x.system(), x.systemId()));
        Map<String, TrailStep> lastBySystem = new LinkedHashMap<>();
        for (TrailStep s : steps) {
            if (s.system() != null && !Dashboard.HUB.equals(s.system())) {
                lastBySystem.put(s.system(), s);
            }
        }
        List<Place> places = new ArrayList<>();
        idBySystem.forEach((system, id) -> places.add(new Place(system, id, lastBySystem.get(system))));
        lastBySystem.forEach((system, last) -> {
            if (!idBySystem.containsKey(system)) {
                places.add(new Place(system, null, last));
            }
        });
        return places;
    }

    private static Long deadLetterIn(String detail) {
        if (detail == null) {
            return null;
        }
        Matcher m = DEAD_LETTER.matcher(detail);
        return m.find() ? Long.valueOf(m.group(1)) : null;
    }
}
