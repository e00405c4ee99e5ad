package io.legalhub.sandbox.systems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.sandbox.SandboxSettings;
import io.legalhub.sandbox.SandboxSystem;
import io.legalhub.sandbox.http.Fields;
import io.legalhub.sandbox.http.Json;
import io.legalhub.sandbox.http.Request;
import io.legalhub.sandbox.http.Response;
import io.legalhub.sandbox.http.Router;
import io.legalhub.sandbox.seed.SeedData;
import io.legalhub.sandbox.store.SystemStore;
import io.legalhub.sandbox.store.Table;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Conflicts checking in the style of Intapp (own design), under {@code /conflicts/api/v1}. Party names are fuzzily
 * matched against the conflicts database (seeded matter parties, known adversaries and former clients, and the
 * parties of every earlier search). A match is a hit when one side is a CLIENT and the other an OPPOSING_PARTY or
 * OPPOSING_COUNSEL (or, with {@code reportAllMatches}, any match in another matter). Internal.
 */
public final class ConflictsModule extends SystemModule {

    private static final String API = "/api/v1";
    private static final IdFormat SEARCH_ID = new IdFormat("CS-", 6);
    public static final List<String> ROLES = List.of("CLIENT", "OPPOSING_PARTY", "OPPOSING_COUNSEL", "CO_COUNSEL",
            "RELATED_PARTY", "WITNESS", "EXPERT", "JUDGE", "OTHER");
    private static final List<String> DECISIONS = List.of("cleared", "waived", "declined");
    private static final Set<String> ADVERSE = Set.of("OPPOSING_PARTY", "OPPOSING_COUNSEL");

    private final Table searches;
    private final Table entities;
    private volatile boolean autoClearNoHits = true;
    private volatile double threshold = 0.85;
    private volatile boolean reportAllMatches;

    public ConflictsModule(SystemStore store, SandboxSettings settings) {
        super(SandboxSystem.CONFLICTS, store, settings);
        searches = table("searches");
        entities = table("entities");
    }

    @Override
    protected List<BusinessKey> businessKeys() {
        return List.of(new BusinessKey("searches", "reference", "id"));
    }

    @Override
    protected void registerApi(Router r) {
        r.post(API + "/searches", this::createSearch);
        r.get(API + "/searches", req -> {
            String reference = req.query("reference");
            String since = req.queryTimestamp("updated_since");
            String decision = req.query("decision");
            return Response.ok(Paging.cursor(req, searches, s -> (reference == null || reference.equals(s.path("reference").asText()))
                    && (since == null || s.path("updated_at").asText().compareTo(since) >= 0)
                    && (decision == null || (decision.equalsIgnoreCase("pending") ? s.get("decision").isNull()
                    : decision.equalsIgnoreCase(s.path("decision").asText())))));
        });
        r.get(API + "/searches/{id}", req -> Response.ok(search(req.pathVar("id"))));
        r.post(API + "/searches/{id}/decision", this::decide);
    }

    @Override
    protected void registerControl(Router r) {
        r.get("/_control/settings", req -> Response.ok(settingsJson()));
        r.put("/_control/settings", req -> {
            applySettings(req.jsonObject(), true);
            return Response.ok(settingsJson());
        });
        r.patch("/_control/settings", req -> {
            applySettings(req.jsonObject(), false);
            return Response.ok(settingsJson());
        });
        r.get("/_control/entities", req -> {
            String name = req.query("name");
            String reference = req.query("reference");
            List<ObjectNode> items = entities.all().stream()
                    .filter(e -> name == null || e.path("name").asText().toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT)))
                    .filter(e -> reference == null || reference.equals(e.path("reference").asText()))
                    .toList();
            return Response.ok(Paging.offset(req, items, "items"));
        });
        r.post("/_control/entities", req -> {
            ObjectNode body = req.jsonObject();
            Fields f = new Fields(body);
            f.rejectUnknown(Set.of("name", "role", "reference", "note"), Set.of());
            String name = f.text("name", true, 500);
            String role = f.oneOf("role", true, null, ROLES);
            String reference = f.text("reference", true, 100);
            String note = f.text("note", false, 2_000);
            f.check();
            return Response.created(store.write(() -> addEntity(name, role, reference, "manual", note, null)));
        });
    }

    private ObjectNode settingsJson() {
        ObjectNode n = Json.object();
        n.put("autoClearNoHits", autoClearNoHits);
        n.put("threshold", threshold);
        n.put("reportAllMatches", reportAllMatches);
        return n;
    }

    private synchronized void applySettings(ObjectNode body, boolean replace) {
        Fields f = new Fields(body);
        f.rejectUnknown(Set.of("autoClearNoHits", "threshold", "reportAllMatches"), Set.of());
        Boolean auto = f.bool("autoClearNoHits");
        Boolean all = f.bool("reportAllMatches");
        Double th = null;
        JsonNode t = body.get("threshold");
        if (t != null && !t.isNull()) {
            if (!t.isNumber() || t.doubleValue() <= 0 || t.doubleValue() > 1) {
                f.invalid("threshold", "must be a number in (0, 1], got " + t);
            } else {
                th = t.doubleValue();
            }
        }
        f.check();
        autoClearNoHits = auto != null ? auto : replace || autoClearNoHits;
        reportAllMatches = all != null ? all : !replace && reportAllMatches;
        threshold = th != null ? th : replace ? 0.85 : threshold;
    }

    private ObjectNode search(String id) {
        Long key = SEARCH_ID.parse(id);
        ObjectNode s = key == null ? null : searches.get(key);
        if (s == null) {
            throw notFound("search", id);
        }
        return s;
    }

    private ObjectNode addEntity(String name, String role, String reference, String source, String note, String searchId) {
        long key = store.nextId("entities", 1);
        ObjectNode e = Json.object();
        e.put("id", key);
        e.put("name", name);
        e.put("normalized", NameMatcher.normalize(name));
        e.put("role", role);
        e.put("reference", reference);
        e.put("source", source);
        e.put("note", note);
        e.put("search_id", searchId);
        entities.put(key, e);
        return e;
    }

    private boolean conflicting(String searchedRole, String otherRole) {
        if (reportAllMatches) {
            return true;
        }
        return ("CLIENT".equals(searchedRole) && ADVERSE.contains(otherRole))
                || (ADVERSE.contains(searchedRole) && "CLIENT".equals(otherRole));
    }

    private Response createSearch(Request req) {
        ObjectNode body = req.jsonObject();
        Fields f = new Fields(body);
        f.rejectUnknown(Set.of("reference", "requested_by", "matter_description", "parties"), Set.of());
        String reference = f.text("reference", true, 100);
        String requestedBy = f.text("requested_by", false, 300);
        String description = f.text("matter_description", false, 2_000);
        List<String[]> parties = new ArrayList<>();
        JsonNode ps = body.get("parties");
        if (ps == null || ps.isNull() || (ps.isArray() && ps.isEmpty())) {
            f.missing("parties");
        } else if (!ps.isArray()) {
            f.invalid("parties", "must be an array of {\"name\",\"role\"}");
        } else {
            for (int i = 0; i < ps.size(); i++) {
                if (!ps.get(i).isObject()) {
                    f.invalid("parties[" + i + "]", "must be an object {\"name\",\"role\"}");
                    continue;
                }
                Fields pf = new Fields((ObjectNode) ps.get(i), "parties[" + i + "].");
                pf.rejectUnknown(Set.of("name", "role"), Set.of());
                String name = pf.text("name", true, 500);
                String role = pf.oneOf("role", true, null, ROLES);
                f.absorb(pf);
                parties.add(new String[]{name, role});
            }
        }
        f.check();
        checkRejected(reference);
        return store.write(() -> {
            double th = threshold;
            Map<String, ObjectNode> hits = new LinkedHashMap<>();
            for (String[] p : parties) {
                String normalized = NameMatcher.normalize(p[0]);
                for (ObjectNode e : entities.all()) {
                    if (reference.equals(e.path("reference").asText()) || !conflicting(p[1], e.path("role").asText())) {
                        continue;
                    }
                    double score = NameMatcher.similarityNormalized(normalized, e.path("normalized").asText());
                    if (score < th) {
                        continue;
                    }
                    String key = p[0] + "|" + p[1] + "|" + e.path("name").asText() + "|" + e.path("reference").asText()
                            + "|" + e.path("role").asText();
                    ObjectNode hit = Json.object();
                    hit.put("party", p[0]);
                    hit.put("role", p[1]);
                    hit.put("matched_name", e.path("name").asText());
                    hit.put("score", BigDecimal.valueOf(score).setScale(2, RoundingMode.HALF_UP));
                    hit.put("other_matter", e.path("reference").asText());
                    hit.put("other_role", e.path("role").asText());
                    hit.put("note", e.path("note").isNull() ? null : e.path("note").asText());
                    hits.putIfAbsent(key, hit);
                }
            }
            List<ObjectNode> sorted = new ArrayList<>(hits.values());
            sorted.sort(Comparator.comparing((ObjectNode h) -> h.get("score").decimalValue()).reversed());
            long key = store.nextId("searches", 1);
            String id = SEARCH_ID.format(key);
            String ts = now();
            ObjectNode s = Json.object();
            s.put("id", id);
            s.put("reference", reference);
            s.put("requested_by", requestedBy);
            s.put("matter_description", description);
            s.put("status", "completed");
            ArrayNode pa = s.putArray("parties");
            for (String[] p : parties) {
                ObjectNode po = pa.addObject();
                po.put("name", p[0]);
                po.put("role", p[1]);
            }
            ArrayNode ha = s.putArray("hits");
            sorted.forEach(ha::add);
            s.put("hit_count", sorted.size());
            boolean autoClear = sorted.isEmpty() && autoClearNoHits;
            s.put("decision", autoClear ? "cleared" : null);
            s.put("decided_by", autoClear ? "auto-clear" : null);
            s.put("decision_reason", autoClear ? "No hits" : null);
            s.put("decided_at", autoClear ? ts : null);
            s.put("version", 1);
            s.put("created_at", ts);
            s.put("updated_at", ts);
            searches.put(key, s);
            for (String[] p : parties) {
                addEntity(p[0], p[1], reference, "search", null, id);
            }
            if (autoClear) {
                webhooks.emit("conflict_search", "decided", id, ts, s);
            }
            return Response.created(s);
        });
    }

    private Response decide(Request req) {
        ObjectNode body = req.jsonObject();
        Fields f = new Fields(body);
        f.rejectUnknown(Set.of("decision", "decided_by", "reason"), Set.of());
        String decision = f.oneOf("decision", true, null, DECISIONS);
        String decidedBy = f.text("decided_by", true, 300);
        String reason = f.text("reason", false, 4_000);
        f.check();
        return store.write(() -> {
            ObjectNode existing = search(req.pathVar("id"));
            checkRejected(existing.path("reference").asText());
            ObjectNode s = existing.deepCopy();
            s.put("decision", decision);
            s.put("decided_by", decidedBy);
            s.put("decision_reason", reason);
            if (s.equals(existing)) {
                return Response.ok(existing);
            }
            String ts = now();
            s.put("decided_at", ts);
            s.put("version", s.path("version").asInt() + 1);
            s.put("updated_at", ts);
            searches.put(SEARCH_ID.parse(s.get("id").asText()), s);
            webhooks.emit("conflict_search", "decided", s.get("id").asText(), ts, s);
            return Response.ok(s);
        });
    }

    @Override
    protected void seed(SeedData data) {
        for (SeedData.Matter m : data.matters()) {
            for (SeedData.Relationship r : m.relationships()) {
                addEntity(r.contact().name(), SeedData.conflictRole(r.role()), m.displayNumber(), "seed",
                        m.description(), null);
            }
        }
        for (SeedData.KnownEntity k : data.knownEntities()) {
            addEntity(k.name(), k.role(), k.reference(), "known", k.note(), null);
        }
    }
}
