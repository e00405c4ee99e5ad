package io.legalhub.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
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

/** The incremental poll over an offset-paged list (the DMS's documents, filed_since), against a real sandbox. */
class OffsetPagingPollTest {

    private static final String DOCUMENTS = "/work/api/v2/customers/1/libraries/LEGAL/documents?total=true";
    private static SandboxServer server;
    private static SandboxClient dms;
    private static String workspace;

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> checkpoints = new HashMap<>();
    private IncrementalPoller poller;

    @BeforeAll
    static void sandbox() {
        server = SandboxServer.start(SandboxSettings.builder().port(0).seed(false).build());
        dms = new SandboxClient(server.port());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void aPassReadsEveryPageOnceAndTheNextPassOnlyWhatWasFiledSince() {
        poller = poller();
        List<String> filed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            filed.add(file("Memo " + i));
        }

        List<List<String>> pages = pass();

        assertThat(pages).hasSize(3);
        assertThat(pages.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(filed);
        assertThat(checkpoints.get("dms/document")).contains("updatedSince").doesNotContain("nextPage");

        String later = file("Memo later");
        List<String> next = pass().stream().flatMap(List::stream).toList();
        assertThat(next).contains(later).doesNotHaveDuplicates();
    }

    @Test
    void aPassInterruptedAfterAPageResumesAtTheFirstPageNotQueued() throws Exception {
        poller = poller();
        for (int i = 0; i < 3; i++) {
            file("Brief " + i);
        }
        Exchange first = exchange();
        poller.startPass(first);
        poller.fetchPage(first);
        poller.pageQueued(first);
        // the hub stops here; the next pass picks up the position saved after the first page

        Exchange resumed = exchange();
        poller.startPass(resumed);

        assertThat(resumed.getProperty(IncrementalPoller.NEXT_PAGE, String.class)).contains("offset=2").contains("limit=2");
    }

    private List<List<String>> pass() {
        try {
            Exchange exchange = exchange();
            poller.startPass(exchange);
            List<List<String>> pages = new ArrayList<>();
            while (exchange.getProperty(IncrementalPoller.NEXT_PAGE) != null) {
                poller.fetchPage(exchange);
                List<String> ids = new ArrayList<>();
                for (Object record : exchange.getIn().getBody(List.class)) {
                    ids.add(json.readTree(record.toString()).get("id").asText());
                }
                pages.add(ids);
                poller.pageQueued(exchange);
            }
            return pages;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Exchange exchange() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(IncrementalPoller.SYSTEM, "dms");
        exchange.setProperty(IncrementalPoller.ENTITY, "document");
        exchange.setProperty(IncrementalPoller.PATH, DOCUMENTS);
        exchange.setProperty(IncrementalPoller.PAGE_SIZE, 2);
        exchange.setProperty(IncrementalPoller.PAGING, "offset");
        exchange.setProperty(IncrementalPoller.SINCE, "edit_date_from");
        return exchange;
    }

    private IncrementalPoller poller() {
        server.reset(SandboxSystem.DMS, false);
        workspace = dms.createWorkspace("2026-0099", "Paging workspace").get("id").asText();
        checkpoints.clear();
        return SandboxPoller.of(server, SandboxSystem.DMS, "dms", checkpoints);
    }

    private static String file(String name) {
        JsonNode document = dms.fileDocument(workspace, SandboxClient.JSON.createObjectNode().put("name", name).put("extension", "pdf"));
        return document.get("id").asText();
    }
}
