package io.legalhub.ingress;

import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.legalhub.checkpoint.CheckpointStore;
import io.legalhub.sandbox.SandboxServer;
import io.legalhub.sandbox.SandboxSystem;
import io.legalhub.systems.HubSystemsProperties;
import io.legalhub.systems.SystemClient;

/** The hub's poller reading one sandbox system as {@code name}, its positions kept in a map ("system/entity"). */
final class SandboxPoller {

    private SandboxPoller() {
    }

    static IncrementalPoller of(SandboxServer server, SandboxSystem system, String name, Map<String, String> checkpoints) {
        ObjectMapper json = new ObjectMapper();
        HubSystemsProperties properties = new HubSystemsProperties();
        HubSystemsProperties.SystemSettings settings = new HubSystemsProperties.SystemSettings();
        settings.setBaseUrl(server.baseUrl(system));
        properties.getSystems().put(name, settings);
        CheckpointStore memory = new CheckpointStore(null) {
            @Override
            public Optional<String> position(String source, String entity) {
                return Optional.ofNullable(checkpoints.get(source + "/" + entity));
            }

            @Override
            public void save(String source, String entity, String position) {
                checkpoints.put(source + "/" + entity, position);
            }
        };
        return new IncrementalPoller(new SystemClient(properties, json), memory, properties, json);
    }
}
