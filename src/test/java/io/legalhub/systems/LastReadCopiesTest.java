package io.legalhub.systems;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** What the hub read for a record is reused only for that very version: a duplicate arrival, or its own write's echo. */
class LastReadCopiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LastReadCopies copies = new LastReadCopies(conflictWrittenOntoMatter(), JSON);
    private final Map<String, JsonNode> relationships = Map.of("relationships", JSON.createArrayNode().add("Acme (Client)"));

    @Test
    void theSameVersionArrivingAgainReusesWhatWasReadForIt() throws Exception {
        copies.remember("clio", "matter", "1047", matter("e1"));
        copies.rememberEnrichment("clio", "matter", "1047", relationships);

        copies.remember("clio", "matter", "1047", matter("e1"));

        assertThat(copies.enrichmentOfSameVersion("clio", "matter", "1047", matter("e1"))).contains(relationships);
    }

    @Test
    void theEchoOfTheHubsOwnWriteReusesWhatWasReadBeforeIt() throws Exception {
        copies.remember("clio", "matter", "1047", matter("e1"));
        copies.rememberEnrichment("clio", "matter", "1047", relationships);

        copies.rememberAnswer("clio", "matter", "1047", JSON.readTree("{\"data\":{\"id\":1047,\"etag\":\"e2\"}}"));

        assertThat(copies.enrichmentOfSameVersion("clio", "matter", "1047", matter("e2"))).contains(relationships);
    }

    @Test
    void aVersionSomeoneElseMadeIsReadAfresh() throws Exception {
        copies.remember("clio", "matter", "1047", matter("e1"));
        copies.rememberEnrichment("clio", "matter", "1047", relationships);

        assertThat(copies.enrichmentOfSameVersion("clio", "matter", "1047", matter("e3"))).isEmpty();
        copies.remember("clio", "matter", "1047", matter("e3"));
        assertThat(copies.enrichmentOfSameVersion("clio", "matter", "1047", matter("e3"))).as("nothing read for e3 yet").isEmpty();
    }

    private static JsonNode matter(String etag) throws Exception {
        return JSON.readTree("{\"id\":1047,\"etag\":\"" + etag + "\",\"display_number\":\"2026-0012\"}");
    }

    private static HubSystemsProperties conflictWrittenOntoMatter() {
        HubSystemsProperties properties = new HubSystemsProperties();
        HubSystemsProperties.SystemSettings clio = new HubSystemsProperties.SystemSettings();
        HubSystemsProperties.EntityEndpoints conflict = new HubSystemsProperties.EntityEndpoints();
        conflict.setIdFrom("matter");
        HubSystemsProperties.UpdateMerge merge = new HubSystemsProperties.UpdateMerge();
        merge.setReuseLastRead(true);
        conflict.setUpdateMerge(merge);
        clio.setEntities(Map.of("conflict", conflict));
        properties.setSystems(Map.of("clio", clio));
        return properties;
    }
}
