package io.legalhub.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The conventions of routes/, mappings/ and config/, checked rather than written in a wiki: file names,
 * route ids, error configuration on every flow, every placeholder backed by configuration, every
 * mapping a route names present with its samples.
 */
class RouteCatalogTest {

    private static final Path ROUTES = Path.of("routes");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^}:]+)(:[^}]*)?}}");
    private static final Pattern MAPPING_REF = Pattern.compile("jsonata:file:\\{\\{hub\\.mappings-dir}}/([^?\"]+)");
    private static final Pattern SCHEMA_REF = Pattern.compile("json-validator:file:\\{\\{hub\\.mappings-dir}}/([^?\"]+)");

    @Test
    void routeFilesAreKebabCaseYaml() throws IOException {
        for (Path file : routeFiles()) {
            assertThat(file.getFileName().toString()).matches("[a-z0-9]+(-[a-z0-9]+)*\\.yaml");
        }
    }

    @Test
    void eachRouteOrTemplateIsNamedForItsFileAndNoIdRepeats() throws IOException {
        Set<String> ids = new HashSet<>();
        for (Path file : routeFiles()) {
            String name = baseName(file);
            for (Map<String, Object> element : elements(file)) {
                for (String kind : List.of("route", "routeTemplate", "routeConfiguration", "templatedRoute")) {
                    if (!element.containsKey(kind)) {
                        continue;
                    }
                    Map<String, Object> body = map(element.get(kind));
                    String id = String.valueOf(body.getOrDefault(kind.equals("templatedRoute") ? "routeId" : "id", ""));
                    assertThat(id).as(kind + " in " + file + " has an id").isNotBlank();
                    assertThat(ids.add(id)).as("id '" + id + "' (" + file + ") is unique").isTrue();
                    if (kind.equals("route") || kind.equals("routeTemplate")) {
                        assertThat(id).as(kind + " id in " + file).isEqualTo(name);
                    }
                }
            }
        }
    }

    @Test
    void everyFlowDeclaresItsErrorHandling() throws IOException {
        for (Path file : routeFiles()) {
            for (Map<String, Object> element : elements(file)) {
                Map<String, Object> route = element.containsKey("route") ? map(element.get("route"))
                        : element.containsKey("routeTemplate") ? map(map(element.get("routeTemplate")).get("route")) : null;
                if (route != null) {
                    assertThat(route.get("routeConfigurationId")).as("routeConfigurationId of the flow in " + file).isNotNull();
                }
            }
        }
    }

    @Test
    void everyPlaceholderHasAConfigurationKey() throws IOException {
        Set<String> keys = configKeys();
        for (Path file : routeFiles()) {
            String text = Files.readString(file);
            Set<String> templateParameters = templateParameters(file);
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                String key = m.group(1).trim();
                // a key built from a template parameter ({{hub.systems.{{target}}.consumers:…}}) varies per route and has
                // its default; the placeholders inside it are matched on their own
                if (templateParameters.contains(key) || m.group(2) != null || key.contains("{{")) {
                    continue;
                }
                assertThat(keys).as("placeholder {{" + key + "}} in " + file + " is configured in config/application.yaml").contains(key);
            }
        }
    }

    @Test
    void everyMappingAndSchemaARouteNamesExistsWithItsSamples() throws IOException {
        for (Path file : routeFiles()) {
            String text = Files.readString(file);
            for (String ref : refs(MAPPING_REF, text)) {
                for (String resolved : expand(ref)) {
                    Path mapping = Path.of("mappings").resolve(resolved);
                    assertThat(mapping).as("mapping named in " + file).exists();
                    assertThat(mapping.resolveSibling(mapping.getFileName().toString().replace(".jsonata", ".input.json"))).exists();
                    assertThat(mapping.resolveSibling(mapping.getFileName().toString().replace(".jsonata", ".expected.json"))).exists();
                }
            }
            for (String ref : refs(SCHEMA_REF, text)) {
                for (String resolved : expand(ref)) {
                    assertThat(Path.of("mappings").resolve(resolved)).as("schema named in " + file).exists();
                }
            }
        }
    }

    /** Template placeholders like {{target}} are expanded with every value a templatedRoute gives them. */
    private static List<String> expand(String ref) throws IOException {
        List<String> results = new ArrayList<>();
        if (!ref.contains("{{")) {
            results.add(ref);
            return results;
        }
        for (Path file : routeFiles()) {
            for (Map<String, Object> element : elements(file)) {
                if (!element.containsKey("templatedRoute")) {
                    continue;
                }
                String value = ref;
                for (Object p : (List<?>) map(element.get("templatedRoute")).get("parameters")) {
                    Map<String, Object> param = map(p);
                    value = value.replace("{{" + param.get("name") + "}}", String.valueOf(param.get("value")));
                }
                if (!value.contains("{{")) {
                    results.add(value);
                }
            }
        }
        assertThat(results).as("templated routes instantiate " + ref).isNotEmpty();
        return results;
    }

    private static List<String> refs(Pattern pattern, String text) {
        List<String> refs = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            refs.add(m.group(1));
        }
        return refs;
    }

    private static Set<String> templateParameters(Path file) throws IOException {
        Set<String> names = new HashSet<>();
        for (Map<String, Object> element : elements(file)) {
            if (element.containsKey("routeTemplate")) {
                for (Object p : (List<?>) map(element.get("routeTemplate")).get("parameters")) {
                    names.add(String.valueOf(map(p).get("name")));
                }
            }
        }
        return names;
    }

    private static List<Path> routeFiles() throws IOException {
        try (Stream<Path> files = Files.list(ROUTES)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> elements(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Object loaded = new Yaml().load(in);
            assertThat(loaded).as(file + " is a YAML list of route elements").isInstanceOf(List.class);
            return (List<Map<String, Object>>) loaded;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o == null ? Map.of() : (Map<String, Object>) o;
    }

    private static String baseName(Path file) {
        return file.getFileName().toString().replaceFirst("\\.yaml$", "");
    }

    private static Set<String> configKeys() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("config/application.yaml"))) {
            Map<String, Object> config = new Yaml().load(in);
            Map<String, Object> flat = new LinkedHashMap<>();
            flatten("", config, flat);
            return flat.keySet();
        }
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> node, Map<String, Object> out) {
        node.forEach((k, v) -> {
            String key = prefix.isEmpty() ? k : prefix + "." + k;
            out.put(key, v);
            if (v instanceof Map) {
                flatten(key, (Map<String, Object>) v, out);
            }
        });
    }
}
