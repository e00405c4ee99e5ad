package io.legalhub.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.legalhub.sandbox.SandboxServer;
import io.legalhub.sandbox.SandboxSettings;
import io.legalhub.sandbox.SandboxSystem;
import io.legalhub.support.SandboxClient;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Consecutive passes of the Clio matter poll overlap by a second: what the previous pass queued, listed again
 * unchanged, is not queued again, while a change made since is (against a real sandbox, cursor paging).
 */
class PassOverlapPollTest {

    private static final String MATTERS = "/api/v4/matters.json?fields=id,etag,display_number,updated_at";
    private static SandboxServer server;
    private static SandboxClient clio;

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> checkpoints = new HashMap<>();

    @BeforeAll
    static void sandbox() {
        server = SandboxServer.start(SandboxSettings.builder().port(0).seed(false).build());
        clio = new SandboxClient(server.port());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void aRecordListedAgainByTheOverlappingPassIsQueuedOnlyIfItChanged() throws Exception {
        IncrementalPoller poller = poller();
        long client = clio.createClient("Overlap Client Ltd", "Company");
        long first = clio.createMatter("OVL-0001", "First", client, null).get("id").asLong();
        long second = clio.createMatter("OVL-0002", "Second", client, null).get("id").asLong();

        Map<String, Boolean> pass1 = pass(poller);
        Map<String, Boolean> pass2 = pass(poller);
        clio.updateMatter(second, SandboxClient.JSON.createObjectNode().put("description", "Second, renamed"));
        Map<String, Boolean> pass3 = pass(poller);

        assertThat(pass1).as("first pass: everything is new").containsEntry(id(first), false).containsEntry(id(second), false);
        assertThat(pass2).as("within the overlap, listed again but not queued").containsEntry(id(first), true).containsEntry(id(second), true);
        assertThat(pass3).as("a change since is queued").containsEntry(id(second), false);
        assertThat(pass3.getOrDefault(id(first), true)).as("the unchanged one is still not queued again").isTrue();
    }

    /** One pass; per record listed, whether the poller marked it as already queued. */
    private Map<String, Boolean> pass(IncrementalPoller poller) throws Exception {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(IncrementalPoller.SYSTEM, "matter-management");
        exchange.setProperty(IncrementalPoller.ENTITY, "matter");
        exchange.setProperty(IncrementalPoller.PATH, MATTERS);
        exchange.setProperty(IncrementalPoller.PAGE_SIZE, 1);
        Map<String, Boolean> listed = new LinkedHashMap<>();
        poller.startPass(exchange);
        while (exchange.getProperty(IncrementalPoller.NEXT_PAGE) != null) {
            poller.fetchPage(exchange);
            List<?> records = exchange.getIn().getBody(List.class);
            for (Object record : records) {
                exchange.getIn().setBody(record.toString());
                poller.envelope(exchange);
                listed.put(json.readTree(record.toString()).get("id").asText(),
                        exchange.getProperty(IncrementalPoller.REPEATED, Boolean.class));
            }
            poller.pageQueued(exchange);
        }
        return listed;
    }

    private static String id(long id) {
        return Long.toString(id);
    }

    private IncrementalPoller poller() {
        server.reset(SandboxSystem.MATTER_MANAGEMENT, false);
        return SandboxPoller.of(server, SandboxSystem.MATTER_MANAGEMENT, "matter-management", checkpoints);
    }
}
