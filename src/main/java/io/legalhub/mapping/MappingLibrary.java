package io.legalhub.mapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Mapping files that Java calls directly (outside a route's jsonata endpoint), e.g. a connector's update merge:
 * each file is compiled once and evaluated with the same {@code $settings} as the routes' mappings. Input and
 * output travel as plain JSON (nulls kept), as the Camel JSONata component reads and writes them.
 */
@Component
public class MappingLibrary {

    private static final ObjectMapper PLAIN = new ObjectMapper();

    private final Path mappingsDir;
    private final MappingSettings settings;
    private final Map<String, Jsonata> compiled = new ConcurrentHashMap<>();

    public MappingLibrary(@Value("${hub.mappings-dir}") String mappingsDir, MappingSettings settings) {
        this.mappingsDir = Path.of(mappingsDir);
        this.settings = settings;
    }

    /** Evaluates {@code mappings/<system>/<name>.jsonata} on {@code input}. */
    public JsonNode evaluate(String system, String name, JsonNode input) {
        String file = system + "/" + name + ".jsonata";
        Jsonata expression = compiled.computeIfAbsent(file, this::compile);
        try {
            Jsonata.Frame frame = expression.createFrame();
            settings.bindToFrame(frame);
            Object output = expression.evaluate(PLAIN.treeToValue(input, Object.class), frame);
            return PLAIN.valueToTree(output);
        } catch (IOException | RuntimeException e) {
            throw new MappingFailure("mapping " + file + " failed: " + e.getMessage(), e);
        }
    }

    private Jsonata compile(String file) {
        try {
            return Jsonata.jsonata(Files.readString(mappingsDir.resolve(file)));
        } catch (IOException e) {
            throw new MappingFailure("cannot read mapping " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new MappingFailure("mapping " + file + " does not compile: " + e.getMessage(), e);
        }
    }

    /** A mapping that cannot run: a permanent failure (the file must be fixed, then the dead letter replayed). */
    public static class MappingFailure extends RuntimeException {
        public MappingFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
