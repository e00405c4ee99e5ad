package io.legalhub.reconciliation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.legalhub.mapping.MappingSettings;

/**
 * What the hub would send a target now: the canonical record through the same mapping file the delivery
 * route uses ({@code mappings/<target>/canonical-to-<entity>.jsonata}), with the same {@code $settings},
 * read and serialised the way the Camel JSONata component does it. Loaded once per run.
 */
final class TargetMapping {

    /** Plain, like the Camel component's own: Spring's mapper drops nulls, which the comparison must see. */
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private final String name;
    private final Jsonata expression;
    private final MappingSettings settings;

    private TargetMapping(String name, Jsonata expression, MappingSettings settings) {
        this.name = name;
        this.expression = expression;
        this.settings = settings;
    }

    static TargetMapping load(Path mappingsDir, String target, String entity, MappingSettings settings) {
        String name = target + "/canonical-to-" + entity + ".jsonata";
        Path file = mappingsDir.resolve(target).resolve("canonical-to-" + entity + ".jsonata");
        try {
            return new TargetMapping(name, Jsonata.jsonata(Files.readString(file)), settings);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read mapping " + name + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("mapping " + name + " does not compile: " + e.getMessage(), e);
        }
    }

    /** A mapping by its name under the system's folder, e.g. the connector's list-mapping. */
    static TargetMapping named(Path mappingsDir, String system, String name, MappingSettings settings) {
        String file = system + "/" + name + ".jsonata";
        try {
            return new TargetMapping(file, Jsonata.jsonata(Files.readString(mappingsDir.resolve(file))), settings);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read mapping " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("mapping " + file + " does not compile: " + e.getMessage(), e);
        }
    }

    /** A listed record through this mapping. */
    JsonNode mapListed(JsonNode listed) {
        try {
            Jsonata.Frame frame = expression.createFrame();
            settings.bindToFrame(frame);
            return PLAIN.valueToTree(expression.evaluate(PLAIN.treeToValue(listed, Object.class), frame));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("mapping " + name + " failed for a listed record: " + e.getMessage(), e);
        }
    }

    JsonNode map(String key, String canonicalJson) {
        try {
            Object input = PLAIN.readValue(canonicalJson, Object.class);
            Jsonata.Frame frame = expression.createFrame();
            settings.bindToFrame(frame);
            Object output = expression.evaluate(input, frame);
            return PLAIN.readTree(PLAIN.writeValueAsString(output));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("mapping " + name + " failed for " + key + ": " + e.getMessage(), e);
        }
    }
}
