package io.legalhub.bench;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.legalhub.support.SandboxClient;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A bulk replay of many dead letters (-Dbench.deadLetters, default 10000): each is a canonical matter that
 * billing once refused; the replay by filter sends all of them back to billing's queue as a job, and
 * billing then creates every one. Reports the time to queue them all (the job) and until all are replayed.
 * Run: mvn -Pbenchmark verify -Dbench=BulkReplayBenchmark
 */
class BulkReplayBenchmark {

    @Test
    void bulkReplayOfTenThousandDeadLetters() throws Exception {
        int n = Integer.getInteger("bench.deadLetters", 10_000);
        String batch = "RPL" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        try (BenchmarkHub bench = BenchmarkHub.start(false, "--hub.poll.matter.enabled=false", "--hub.poll.conflict.enabled=false")) {
            JdbcClient jdbc = bench.hub.getBean(JdbcClient.class);
            insertDeadLetters(bench.hub.getBean(JdbcTemplate.class), batch, n);

            Instant start = Instant.now();
            JsonNode started = post(bench.port, "/api/dead-letters/replay?target=billing&q=" + batch);
            long jobId = started.get("jobId").asLong();
            JsonNode job = await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> get(bench.port, "/api/jobs/" + jobId), j -> !"running".equals(j.get("status").asText()));
            double queued = Duration.between(start, Instant.now()).toMillis() / 1000.0;
            await().atMost(Duration.ofMinutes(60)).pollInterval(Duration.ofMillis(500)).until(() -> jdbc.sql(
                    "select count(*) from dead_letter where record_key like :k and status = 'replayed'")
                    .param("k", batch + "%").query(Long.class).single() >= n);
            double replayed = Duration.between(start, Instant.now()).toMillis() / 1000.0;
            long inBilling = new SandboxClient(bench.sandbox.port()).stats("billing").at("/records/matters").asLong();

            BenchmarkHub.report("bulk-replay", String.format(Locale.ROOT, """
                    dead letters replayed by filter: %d (job %s: %d succeeded, %d failed)
                    job (all replays queued): %.1f s = %.0f dead letters/s
                    until every dead letter is replayed (billing created each matter): %.1f s = %.0f/s
                    matters in billing afterwards: %d""",
                    n, job.get("status").asText(), job.get("succeeded").asInt(), job.get("failed").asInt(),
                    queued, n / queued, replayed, n / replayed, inBilling));
        }
    }

    /** Dead letters as billing refusals leave them: the canonical matter, at the deliver stage. */
    private static void insertDeadLetters(JdbcTemplate jdbc, String batch, int n) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.batchUpdate("""
                insert into dead_letter (message_id, status, entity_type, record_key, source_version, source_system, target, stage,
                  route_id, failure_kind, error_class, error_message, attempts, body, headers, first_failed_at, last_failed_at, updated_at)
                values (?, 'open', 'matter', ?, 1, 'matter-management', 'billing', 'deliver', 'matter-to-billing', 'permanent',
                  'io.legalhub.systems.PermanentSystemFailure', 'billing rejected the request (HTTP 400): benchmark', 1, ?, ?, ?, ?, ?)""",
                new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws java.sql.SQLException {
                        String key = batch + "-" + String.format("%05d", i);
                        ps.setString(1, UUID.randomUUID().toString());
                        ps.setString(2, key);
                        ps.setString(3, canonical(key, i));
                        ps.setString(4, "{\"hubEntity\":\"matter\",\"hubKey\":\"" + key + "\",\"hubSourceSystem\":\"matter-management\","
                                + "\"hubSourceId\":\"" + (900000 + i) + "\",\"hubSourceVersion\":1,\"JMSXGroupID\":\"matter:" + key + "\"}");
                        ps.setTimestamp(5, now);
                        ps.setTimestamp(6, now);
                        ps.setTimestamp(7, now);
                    }

                    @Override
                    public int getBatchSize() {
                        return n;
                    }
                });
    }

    private static String canonical(String key, int i) {
        return """
                {"schemaVersion":1,"entity":"matter","key":"%s","number":"%s","name":"Benchmark matter %d","status":"open",
                 "client":{"number":"C-%d","name":"Benchmark client %d","kind":"organisation","sourceId":"%d"},
                 "responsibleAttorney":{"name":"Ana Rivera","email":"ana.rivera@firm.example","sourceId":"21"},
                 "practiceArea":"Corporate / M&A","openDate":"2026-01-15","closeDate":null,"billable":true,"conflictStatus":"cleared",
                 "parties":[{"name":"Benchmark client %d","kind":"organisation","role":"client","sourceId":"%d"}],
                 "source":{"system":"matter-management","id":"%d","version":1}}"""
                .formatted(key, key, i, i % 500, i % 500, i % 500, i % 500, i % 500, 900000 + i);
    }

    private static JsonNode post(int port, String path) throws Exception {
        return send(port, "POST", path);
    }

    private static JsonNode get(int port, String path) throws Exception {
        return send(port, "GET", path);
    }

    private static JsonNode send(int port, String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("operator:operator".getBytes(StandardCharsets.UTF_8)))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        return SandboxClient.JSON.readTree(response.body());
    }
}
