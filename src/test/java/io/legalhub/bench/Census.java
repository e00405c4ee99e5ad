package io.legalhub.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.support.SandboxClient;

/**
 * What the systems hold, read as an observer (no fault, no latency, not in the request log): the matters of a
 * prefix in matter management with their creation times, and which of them billing, the DMS and e-discovery have,
 * with their creation times on the same (the sandbox's) clock.
 */
final class Census {

    /** A matter as matter management has it. */
    record Matter(long id, String number, Instant created, boolean litigation, String conflictStatus) {
    }

    private final SandboxClient client;

    Census(SandboxClient client) {
        this.client = client;
    }

    /** The matters whose number contains {@code prefix}. */
    List<Matter> matters(String prefix) {
        List<Matter> matters = new ArrayList<>();
        String path = "/matter-management/api/v4/matters.json?fields=id,display_number,created_at,practice_area{name},"
                + "custom_field_values{value,custom_field}&order=id(asc)&limit=200&query=" + SystemsApi.enc(prefix);
        while (path != null) {
            JsonNode page = client.ok("GET", path, null);
            for (JsonNode m : page.path("data")) {
                String status = null;
                for (JsonNode v : m.path("custom_field_values")) {
                    if (v.at("/custom_field/id").asLong() == 3001 && v.hasNonNull("value")) {
                        status = v.get("value").asText();
                    }
                }
                matters.add(new Matter(m.path("id").asLong(), m.path("display_number").asText(), Instant.parse(m.path("created_at").asText()),
                        "Litigation".equals(m.at("/practice_area/name").asText(null)), status));
            }
            String next = page.at("/meta/paging/next").asText(null);
            path = next == null ? null : next.substring(next.indexOf("/matter-management/"));
        }
        return matters;
    }

    /** Billing's matters: number → created_at. */
    Map<String, Instant> billing() {
        Map<String, Instant> created = new HashMap<>();
        for (int offset = 0; ; offset += 200) {
            JsonNode page = client.ok("GET", "/billing/api/v1/matters?offset=" + offset + "&limit=200", null);
            for (JsonNode m : page.path("items")) {
                created.put(m.path("number").asText(), Instant.parse(m.path("created_at").asText()));
            }
            if (offset + 200 >= page.path("total").asLong()) {
                return created;
            }
        }
    }

    /** The DMS workspaces: matter number (custom2) → create_date. */
    Map<String, Instant> dms() {
        ObjectNode search = SandboxClient.JSON.createObjectNode().put("libraryId", "LEGAL");
        Map<String, Instant> created = new HashMap<>();
        for (JsonNode w : client.ok("POST", "/dms/automate/work/searchWorkspaces", search).at("/data/results")) {
            created.put(w.path("custom2").asText(), Instant.parse(w.path("create_date").asText()));
        }
        return created;
    }

    /** The numbers of the Relativity matters. */
    Set<String> ediscovery() {
        Set<String> numbers = new HashSet<>();
        for (int start = 1; ; start += 10_000) {
            ObjectNode q = SandboxClient.JSON.createObjectNode();
            ObjectNode request = q.putObject("request");
            request.putObject("ObjectType").put("ArtifactTypeID", 6);
            request.put("Condition", "");
            request.putArray("Fields").addObject().put("Name", "Number");
            SandboxClient.Answer answer = client.send("POST",
                    "/ediscovery/Relativity.REST/api/Relativity.ObjectManager/v1/workspace/-1/object/query?start=" + start + "&length=10000",
                    q, Map.of("X-CSRF-Header", "-"));
            if (answer.status() != 200) {
                throw new IllegalStateException("Relativity query answered " + answer.status() + ": " + answer.body());
            }
            JsonNode objects = answer.json().path("Objects");
            objects.forEach(o -> numbers.add(o.at("/FieldValues/0/Value").asText()));
            if (objects.size() < 10_000) {
                return numbers;
            }
        }
    }

    /** What of a prefix's matters is missing where: empty when every system has every matter it should. */
    List<String> missing(String prefix) {
        List<Matter> matters = matters(prefix);
        Map<String, Instant> billing = billing();
        Map<String, Instant> dms = dms();
        Set<String> ediscovery = ediscovery();
        List<String> problems = new ArrayList<>();
        for (Matter m : matters) {
            if (!billing.containsKey(m.number())) {
                problems.add(m.number() + " not in billing");
            }
            if (!dms.containsKey(m.number())) {
                problems.add(m.number() + " not in the DMS");
            }
            if (m.litigation() && !ediscovery.contains(m.number())) {
                problems.add(m.number() + " (litigation) not in e-discovery");
            }
            if (m.conflictStatus() == null) {
                problems.add(m.number() + " has no conflict result in matter management");
            }
        }
        return problems;
    }
}
