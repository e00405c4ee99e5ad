package io.legalhub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.legalhub.sandbox.SandboxHttp.Resp;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.legalhub.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

class BulkLoadTest {

    @Test
    void generatingTenThousandMattersIsFastAndPagingReturnsEachOnce() {
        try (SandboxServer sandbox = SandboxServer.start()) {
            SandboxHttp mm = new SandboxHttp(sandbox.baseUrl(SandboxSystem.MATTER_MANAGEMENT));
            long t0 = System.nanoTime();
            Resp r = mm.post("/_control/matters/generate", json("{'count':10000,'prefix':'LOAD','webhooks':false}"));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("generated 10,000 matters in %d ms (server-side %d ms)%n", ms, r.json().path("elapsed_ms").asLong());
            assertThat(r.status()).isEqualTo(201);
            assertThat(r.json().path("count").asInt()).isEqualTo(10_000);
            assertThat(r.json().path("first_number").asText()).isEqualTo("LOAD-000001");
            assertThat(r.json().path("last_number").asText()).isEqualTo("LOAD-010000");
            assertThat(ms).isLessThan(20_000);

            long p0 = System.nanoTime();
            Set<Long> ids = new HashSet<>();
            String next = "/api/v4/matters.json?limit=200&fields=id";
            int pages = 0;
            while (next != null) {
                JsonNode body = mm.get(next).json();
                body.path("data").forEach(m -> assertThat(ids.add(m.path("id").asLong())).isTrue());
                next = body.path("meta").path("paging").has("next") ? body.path("meta").path("paging").path("next").asText() : null;
                pages++;
            }
            System.out.printf("paged %d matters in %d pages in %d ms%n", ids.size(), pages, (System.nanoTime() - p0) / 1_000_000);
            assertThat(ids).hasSize(10_060);

            JsonNode again = mm.post("/_control/matters/generate", json("{'count':2,'prefix':'LOAD'}")).json();
            assertThat(again.path("first_number").asText()).isEqualTo("LOAD-010001");
            assertThat(mm.get("/_control/stats").json().path("duplicates").path("matters").isMissingNode()).isTrue();
        }
    }

    @Test
    void concurrentCreatesGetDistinctIdsAndNoDuplicates() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start()) {
            SandboxHttp mm = new SandboxHttp(sandbox.baseUrl(SandboxSystem.MATTER_MANAGEMENT));
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                List<Future<Resp>> futures = new ArrayList<>();
                for (int i = 0; i < 400; i++) {
                    futures.add(pool.submit(() -> mm.post("/api/v4/matters.json",
                            SandboxHttp.data(json("{'description':'Concurrent intake','client':{'id':502}}")))));
                }
                Set<Long> ids = new HashSet<>();
                Set<String> numbers = new HashSet<>();
                for (Future<Resp> f : futures) {
                    Resp r = f.get();
                    assertThat(r.status()).isEqualTo(201);
                    ids.add(r.json().path("data").path("id").asLong());
                    numbers.add(r.json().path("data").path("display_number").asText());
                }
                assertThat(ids).hasSize(400);
                assertThat(numbers).hasSize(400);
                assertThat(mm.get("/_control/stats").json().path("duplicates").size()).isZero();
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
