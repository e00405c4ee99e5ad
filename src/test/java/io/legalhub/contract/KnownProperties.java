package io.legalhub.contract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;

/**
 * Finds the properties a body has that its schema does not name, where the spec does not say
 * {@code additionalProperties: false} itself (Clio, Relativity's Kepler specs: see {@link SpecDialect}), so that
 * a field the vendor does not know (and would drop) is a violation rather than passing unseen.
 *
 * <p>Follows {@code properties} through {@code $ref}, {@code allOf} (and {@code anyOf}/{@code oneOf}: the union of
 * the branches' properties), array {@code items}, nested objects and {@code additionalProperties} schemas. An
 * object schema that names no properties at all is free-form and not looked into.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class KnownProperties {

    private static final int NAMES_SHOWN = 15;

    private final Components components;

    KnownProperties(OpenAPI api) {
        this.components = api.getComponents() == null ? new Components() : api.getComponents();
    }

    /**
     * @param alsoAllowedAtTop property names allowed at the top of {@code body} although the schema lacks them
     *                         (Clio's list {@code meta})
     */
    List<Violation> unknownIn(JsonNode body, Schema<?> schema, Set<String> alsoAllowedAtTop,
                              String method, String path, String part) {
        List<Violation> found = new ArrayList<>();
        walk(body, schema, "", alsoAllowedAtTop, found, method, path, part);
        return found;
    }

    private void walk(JsonNode node, Schema<?> schema, String pointer, Set<String> alsoAllowed, List<Violation> found,
                      String method, String path, String part) {
        if (node == null || node.isNull() || schema == null) {
            return;
        }
        Known known = known(schema);
        if (node.isObject()) {
            if (known.freeForm()) {
                return;
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String name = field.getKey();
                String at = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                Schema<?> property = known.properties.get(name);
                if (property != null) {
                    walk(field.getValue(), property, at, Set.of(), found, method, path, part);
                } else if (known.additional instanceof Schema<?> values) {
                    walk(field.getValue(), values, at, Set.of(), found, method, path, part);
                } else if (!Boolean.TRUE.equals(known.additional) && !alsoAllowed.contains(name)) {
                    found.add(new Violation(method, path, part, at, "unknown property '" + name
                            + "': the spec's schema has no such property (it has " + names(known.properties.keySet()) + ")"));
                }
            }
        } else if (node.isArray() && known.items != null) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), known.items, pointer + "/" + i, Set.of(), found, method, path, part);
            }
        }
    }

    /** The properties, additionalProperties and items of a schema and of everything it combines. */
    private Known known(Schema<?> schema) {
        Known known = new Known();
        collect(schema, known, 0);
        return known;
    }

    private void collect(Schema<?> schema, Known into, int depth) {
        Schema<?> s = dereferenced(schema);
        if (s == null || depth > 32) {
            return;
        }
        if (s.getProperties() != null) {
            s.getProperties().forEach(into.properties::putIfAbsent);
        }
        if (s.getAdditionalProperties() != null && !Boolean.FALSE.equals(s.getAdditionalProperties())) {
            into.additional = s.getAdditionalProperties();
        }
        if (s.getItems() != null && into.items == null) {
            into.items = s.getItems();
        }
        for (List<Schema> branches : combined(s)) {
            for (Schema<?> branch : branches) {
                collect(branch, into, depth + 1);
            }
        }
    }

    private static List<List<Schema>> combined(Schema<?> s) {
        List<List<Schema>> all = new ArrayList<>();
        if (s.getAllOf() != null) {
            all.add(s.getAllOf());
        }
        if (s.getAnyOf() != null) {
            all.add(s.getAnyOf());
        }
        if (s.getOneOf() != null) {
            all.add(s.getOneOf());
        }
        return all;
    }

    /** Refs are inlined when the spec is loaded, except where a schema refers to itself. */
    private Schema<?> dereferenced(Schema<?> schema) {
        Schema<?> s = schema;
        for (int hops = 0; s != null && s.get$ref() != null && hops < 8; hops++) {
            String ref = s.get$ref();
            s = components.getSchemas() == null ? null : components.getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return s;
    }

    private static String names(Set<String> names) {
        if (names.isEmpty()) {
            return "none";
        }
        List<String> sorted = new ArrayList<>(new TreeSet<>(names));
        String shown = String.join(", ", sorted.subList(0, Math.min(NAMES_SHOWN, sorted.size())));
        return sorted.size() > NAMES_SHOWN ? shown + ", … " + (sorted.size() - NAMES_SHOWN) + " more" : shown;
    }

    private static final class Known {
        final Map<String, Schema> properties = new LinkedHashMap<>();
        Object additional;
        Schema<?> items;

        /** Names no property and gives no schema for other properties' values. */
        boolean freeForm() {
            return properties.isEmpty() && !(additional instanceof Schema);
        }
    }
}
