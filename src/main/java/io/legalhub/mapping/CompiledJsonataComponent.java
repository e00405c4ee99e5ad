package io.legalhub.mapping;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.component.jsonata.JsonataComponent;
import org.apache.camel.component.jsonata.JsonataFrameBinding;
import org.springframework.stereotype.Component;

/**
 * Camel's {@code jsonata:} component, with each mapping file compiled once instead of on every exchange (Camel's own
 * endpoint reads and parses the file per message, the largest single CPU cost per delivery in a profile of a sync).
 * Registered under the component's own name, so routes keep {@code jsonata:file:…} URIs and dead letters keep naming
 * the mapping file. Every mapping gets {@code $settings} and {@code $ledes} ({@link MappingSettings}).
 */
@Component("jsonata")
public class CompiledJsonataComponent extends JsonataComponent {

    public CompiledJsonataComponent(JsonataFrameBinding mappingSettings) {
        setFrameBinding(mappingSettings);
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        CompiledJsonataEndpoint endpoint = new CompiledJsonataEndpoint(uri, this, remaining, getFrameBinding());
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
