package io.legalhub.mapping;

import java.util.LinkedHashMap;
import java.util.Map;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.legalhub.ledes.LedesWriter;
import io.legalhub.systems.HubSystemsProperties;
import org.apache.camel.component.jsonata.JsonataFrameBinding;
import org.springframework.stereotype.Component;

/**
 * Makes each system's {@code settings} (from config) available to every mapping as {@code $settings},
 * e.g. {@code $settings.dms."workspace-name"}: naming rules and templates are configuration, not code. Also
 * {@code $ledes(invoice)}: a canonical invoice as LEDES 1998B text, for systems that take LEDES (e-billing).
 */
@Component("mappingSettings")
public class MappingSettings implements JsonataFrameBinding {

    private static final ObjectMapper PLAIN = new ObjectMapper();

    private final Map<String, Object> settings;
    private final LedesWriter ledes;

    public MappingSettings(HubSystemsProperties properties, LedesWriter ledes) {
        Map<String, Object> bySystem = new LinkedHashMap<>();
        properties.getSystems().forEach((name, system) -> bySystem.put(name, new LinkedHashMap<>(system.getSettings())));
        this.settings = bySystem;
        this.ledes = ledes;
    }

    @Override
    public void bindToFrame(Jsonata.Frame frame) {
        bind(frame, settings, ledes);
    }

    /** What every mapping sees: {@code $settings} and {@code $ledes}. */
    public static void bind(Jsonata.Frame frame, Map<String, Object> settings, LedesWriter ledes) {
        frame.bind("settings", settings);
        frame.bind("ledes", (Jsonata.Fn1<Object, String>) invoice -> ledes.writeCanonical((com.fasterxml.jackson.databind.JsonNode) PLAIN.valueToTree(invoice)));
    }

    public Map<String, Object> settings() {
        return settings;
    }
}
