package io.legalhub.canonical;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which targets a canonical record is for. A target may carry a rule file
 * {@code mappings/<target>/accepts-<entity>.jsonata}: a JSONata expression over the canonical record that
 * is true when the record belongs in that target (e.g. only litigation matters get an e-discovery
 * workspace). Rules are business configuration, so they live beside the mappings, not in Java.
 */
@Component
public class TargetRules {

    private final Path mappingsDir;
    private final ObjectMapper json;
    private final Map<Path, Compiled> cache = new ConcurrentHashMap<>();

    public TargetRules(@Value("${hub.mappings-dir}") String mappingsDir, ObjectMapper json) {
        this.mappingsDir = Path.of(mappingsDir);
        this.json = json;
    }

    public record Verdict(boolean accepted, String reason) {
    }

    public Verdict accepts(String target, String entity, JsonNode canonical) {
        Path rule = mappingsDir.resolve(target).resolve("accepts-" + entity + ".jsonata");
        if (!Files.exists(rule)) {
            return new Verdict(true, null);
        }
        Object result;
        try {
            Object input = json.convertValue(canonical, Object.class);
            result = compiled(rule).expression().evaluate(input);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Rule mappings/" + target + "/accepts-" + entity + ".jsonata failed: " + e.getMessage(), e);
        }
        boolean accepted = Boolean.TRUE.equals(result);
        return new Verdict(accepted, accepted ? null : "rule " + target + "/accepts-" + entity + ".jsonata does not select this " + entity);
    }

    private Compiled compiled(Path rule) {
        try {
            FileTime modified = Files.getLastModifiedTime(rule);
            Compiled current = cache.get(rule);
            if (current == null || !current.modified().equals(modified)) {
                current = new Compiled(Jsonata.jsonata(Files.readString(rule)), modified);
                cache.put(rule, current);
            }
            return current;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read rule " + rule + ": " + e.getMessage(), e);
        }
    }

    private record Compiled(Jsonata expression, FileTime modified) {
    }
}
