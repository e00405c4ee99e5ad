package io.legalhub.mapping;

import java.util.LinkedHashMap;
import java.util.Map;

import com.dashjoin.jsonata.Jsonata;
import io.legalhub.systems.HubSystemsProperties;
import org.apache.camel.component.jsonata.JsonataFrameBinding;
import org.springframework.stereotype.Component;

/**
 * Makes each system's {@code settings} (from config) available to every mapping as {@code $settings},
 * e.g. {@code $settings.dms."workspace-name"}: naming rules and templates are configuration, not code.
 */
@Component("mappingSettings")
public class MappingSettings implements JsonataFrameBinding {

    private final Map<String, Object> settings;

    public MappingSettings(HubSystemsProperties properties) {
        Map<String, Object> bySystem = new LinkedHashMap<>();
        properties.getSystems().forEach((name, system) -> bySystem.put(name, new LinkedHashMap<>(system.getSettings())));
        this.settings = bySystem;
    }

    @Override
    public void bindToFrame(Jsonata.Frame frame) {
        frame.bind("settings", settings);
    }

    public Map<String, Object> settings() {
        return settings;
    }
}
