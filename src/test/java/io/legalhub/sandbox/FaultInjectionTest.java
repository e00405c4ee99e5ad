package io.legalhub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.legalhub.sandbox.SandboxHttp.Resp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.legalhub.sandbox.SandboxHttp.data;
import static io.legalhub.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class FaultInjectionTest {

    /** A DMS read that is always there (the facade's library list). */
    private static final String DMS_LIBRARIES = "/automate/work/getLibraries";
    /** An e-discovery read answered with Relativity's Kepler error shape. */
    private static final String EDISCOVERY_STATUSES = "/Relativity.REST/api/relativity-environment/v1/workspaces/-1/matters/eligible-statuses";

    private static SandboxServer sandbox;
    private static SandboxHttp billing;
    private static SandboxHttp dms;
    private static SandboxHttp ediscovery;

    @BeforeAll
    static void start() {
        sandbox = SandboxServer.start(SandboxSettings.defaults());
        billing = new SandboxHttp(sandbox.baseUrl(SandboxSystem.BILLING));
        dms = new SandboxHttp(sandbox.baseUrl(SandboxSystem.DMS));
        ediscovery = new SandboxHttp(sandbox.baseUrl(SandboxSystem.EDISCOVERY));
    }

    @AfterAll
    static void stop() {
        sandbox.stop();
    }

    @AfterEach
    void clearFaults() {
        assertThat(billing.delete("/_control/faults").status()).isEqualTo(200);
        assertThat(dms.delete("/_control/faults").status()).isEqualTo(200);
        assertThat(ediscovery.delete("/_control/faults").status()).isEqualTo(200);
    }

    private static long timeMs(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) / 1_000_000;
    }

    @Test
    void latencyIsAddedToApiRequestsButNotToControlRequests() {
        billing.put("/_control/faults", json("{'latencyMs':400}"));
        long api = timeMs(() -> assertThat(billing.get("/api/v1/clients").status()).isEqualTo(200));
        long control = timeMs(() -> assertThat(billing.get("/_control/stats").status()).isEqualTo(200));
        assertThat(api).isGreaterThanOrEqualTo(400);
        assertThat(control).isLessThan(400);
    }

    @Test
    void errorRateOneAnswers500ToEveryApiRequest() {
        billing.put("/_control/faults", json("{'errorRate':1.0}"));
        for (int i = 0; i < 5; i++) {
            Resp r = billing.get("/api/v1/clients");
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.errorType()).isEqualTo("InjectedFault");
        }
        assertThat(dms.get(DMS_LIBRARIES).status())
                .as("faults are per system").isEqualTo(200);
    }

    @Test
    void failNextFailsExactlyTheNextNApiRequests() {
        billing.put("/_control/faults", json("{'failNext':2}"));
        assertThat(billing.get("/api/v1/clients").status()).isEqualTo(500);
        assertThat(billing.get("/_control/faults").json().path("failNext").asInt()).isEqualTo(1);
        assertThat(billing.get("/api/v1/matters").status()).isEqualTo(500);
        assertThat(billing.get("/api/v1/clients").status()).isEqualTo(200);
    }

    @Test
    void rateLimitAnswers429WithRetryAfterForTheNextNRequests() {
        billing.put("/_control/faults", json("{'rateLimit':{'next':2,'retryAfterSeconds':7}}"));
        for (int i = 0; i < 2; i++) {
            Resp r = billing.get("/api/v1/clients");
            assertThat(r.status()).isEqualTo(429);
            assertThat(r.header("Retry-After")).isEqualTo("7");
            assertThat(r.errorType()).isEqualTo("RateLimited");
            assertThat(r.header("Content-Type")).startsWith("application/json");
        }
        assertThat(billing.get("/api/v1/clients").status()).isEqualTo(200);
    }

    // one request a minute: the bucket cannot refill while a test runs, however slow the machine
    // (SustainedRateLimitTest covers the refill with a clock of its own)

    @Test
    void aSustainedRateLimitRefusesOnceTheBurstIsSpentLogsAndCountsTheRefusalsUntilCleared() {
        billing.delete("/_control/requests");
        billing.put("/_control/faults", json("{'rateLimit':{'perMinute':1,'burst':2}}"));
        assertThat(billing.get("/api/v1/clients").status()).isEqualTo(200);
        assertThat(billing.get("/api/v1/matters").status()).isEqualTo(200);
        Resp refused = billing.get("/api/v1/clients");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.errorType()).isEqualTo("RateLimited");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
        assertThat(billing.send("GET", "/api/v1/clients", null, new String[]{"X-Sandbox-Observer", "true"}).status())
                .as("observers take no token").isEqualTo(200);
        assertThat(billing.get("/api/v1/clients").status()).isEqualTo(429);

        JsonNode rateLimit = billing.get("/_control/faults").json().path("rateLimit");
        assertThat(rateLimit.path("perMinute").asInt()).isEqualTo(1);
        assertThat(rateLimit.path("burst").asInt()).isEqualTo(2);
        assertThat(rateLimit.path("tokens").asInt()).isZero();
        JsonNode log = billing.get("/_control/requests?limit=10").json().path("requests");
        assertThat(log.findValuesAsText("status")).containsExactly("200", "200", "429", "429");
        assertThat(log.get(2).path("fault").asText()).isEqualTo("rateLimit");
        JsonNode requests = billing.get("/_control/stats").json().path("requests");
        assertThat(requests.path("total").asInt()).isEqualTo(4);
        assertThat(requests.path("rateLimited").asInt()).isEqualTo(2);

        billing.delete("/_control/faults");
        assertThat(billing.get("/api/v1/clients").status()).isEqualTo(200);
        assertThat(billing.get("/_control/faults").json().path("rateLimit").path("perMinute").isNull()).isTrue();
        assertThat(billing.get("/_control/stats").json().path("requests").path("rateLimited").asInt())
                .as("the count outlives the fault").isEqualTo(2);
        billing.delete("/_control/requests");
        assertThat(billing.get("/_control/stats").json().path("requests").path("rateLimited").asInt()).isZero();
    }

    @Test
    void aSustainedRateLimitWithMatchingCountsAndRefusesOnlyThoseRequests() {
        billing.patch("/_control/faults", json("{'rateLimit':{'perMinute':1,'burst':1,'matching':'number=ACME-001'}}"));
        assertThat(billing.get("/api/v1/clients?number=ACME-001").status()).isEqualTo(200);
        assertThat(billing.get("/api/v1/clients?number=ACME-001").status()).isEqualTo(429);
        for (int i = 0; i < 3; i++) {
            assertThat(billing.get("/api/v1/clients").status()).isEqualTo(200);
        }
        billing.patch("/_control/faults", json("{'rateLimit':null}"));
        assertThat(billing.get("/api/v1/clients?number=ACME-001").status()).isEqualTo(200);
    }

    @Test
    void aSustainedRateLimitAnswersInTheSystemsOwnErrorShape() {
        ediscovery.put("/_control/faults", json("{'rateLimit':{'perMinute':1,'burst':1}}"));
        assertThat(ediscovery.get(EDISCOVERY_STATUSES).status()).isEqualTo(200);
        Resp refused = ediscovery.get(EDISCOVERY_STATUSES);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(refused.json().path("ErrorType").asText()).isEqualTo("Relativity.Services.Exceptions.ServiceException");
        assertThat(refused.json().path("Message").asText()).contains("1 requests per minute");
    }

    @Test
    void invalidSustainedRateLimitsAnswer422NamingTheField() {
        billing.put("/_control/faults", json("{'rateLimit':{'perMinute':60,'burst':5}}"));
        for (String[] bad : new String[][]{
                {"{'rateLimit':{'perMinute':0}}", "rateLimit.perMinute"},
                {"{'rateLimit':{'perMinute':60,'burst':0}}", "rateLimit.burst"},
                {"{'rateLimit':{'perMinute':60,'perHour':1}}", "rateLimit.perHour"}}) {
            Resp r = billing.patch("/_control/faults", json(bad[0]));
            assertThat(r.status()).as(bad[0]).isEqualTo(422);
            assertThat(r.errorMessage()).as(bad[0]).contains(bad[1]);
            assertThat(r.json().path("error").path("fields").toString()).as(bad[0]).contains(bad[1]);
        }
        assertThat(billing.get("/_control/faults").json().path("rateLimit").path("burst").asInt())
                .as("unchanged after 422").isEqualTo(5);
    }

    @Test
    void outageAnswers503UntilClearedAndATimedOutageEndsByItself() {
        dms.put("/_control/faults", json("{'outage':true}"));
        Resp r = dms.get(DMS_LIBRARIES);
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.errorType()).isEqualTo("ServiceUnavailable");
        dms.patch("/_control/faults", json("{'outage':false}"));
        assertThat(dms.get(DMS_LIBRARIES).status()).isEqualTo(200);

        dms.put("/_control/faults", json("{'outageSeconds':1}"));
        Resp timed = dms.get(DMS_LIBRARIES);
        assertThat(timed.status()).isEqualTo(503);
        assertThat(timed.header("Retry-After")).isEqualTo("1");
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> dms.get(DMS_LIBRARIES).status() == 200);
        assertThat(dms.get("/_control/faults").json().path("outage").asBoolean()).isFalse();
    }

    @Test
    void rejectRecordsAnswers400WithTheReasonForCreatesAndUpdatesOfThatRecordOnly() {
        billing.patch("/_control/faults", json("{'rejectRecords':{'2026-0012':'Matter is on credit hold'}}"));
        Resp rejected = billing.post("/api/v1/matters", json("{'number':'2026-0012','name':'Acme v. Globex','client_number':'ACME-001'}"));
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.errorType()).isEqualTo("Rejected");
        assertThat(rejected.errorMessage()).isEqualTo("Matter is on credit hold");

        Resp other = billing.post("/api/v1/matters", json("{'number':'2026-0013','name':'Other','client_number':'ACME-001'}"));
        assertThat(other.status()).isEqualTo(201);
        String id = other.json().path("id").asText();
        Resp renamed = billing.put("/api/v1/matters/" + id, json("{'number':'2026-0012','name':'Other','client_number':'ACME-001'}"));
        assertThat(renamed.status()).isEqualTo(400);
        assertThat(billing.get("/api/v1/matters/" + id).json().path("number").asText()).isEqualTo("2026-0013");
        assertThat(billing.get("/api/v1/matters?number=2026-0012").status()).as("reads are not rejected").isEqualTo(200);

        billing.patch("/_control/faults", json("{'rejectRecords':{'2026-0012':null}}"));
        assertThat(billing.get("/_control/faults").json().path("rejectRecords").size()).isZero();
    }

    @Test
    void matterManagementRejectsAMatterByItsDisplayNumberAndDocumentsAndNotesFiledOnIt() {
        SandboxHttp mm = new SandboxHttp(sandbox.baseUrl(SandboxSystem.MATTER_MANAGEMENT));
        long id = mm.get("/api/v4/matters.json?query=2026-0012&fields=id").json().path("data").get(0).path("id").asLong();
        mm.patch("/_control/faults", json("{'rejectRecords':{'2026-0012':'Matter is locked for editing'}}"));
        try {
            Resp matter = mm.patch("/api/v4/matters/" + id + ".json", data(json("{'client_reference':'X-1'}")));
            assertThat(matter.status()).isEqualTo(400);
            assertThat(matter.errorType()).isEqualTo("Rejected");
            assertThat(matter.errorMessage()).isEqualTo("Matter is locked for editing");
            assertThat(mm.post("/api/v4/documents.json", data(json("{'name':'x.pdf','parent':{'id':" + id + ",'type':'Matter'}}"))).status())
                    .isEqualTo(400);
            assertThat(mm.post("/api/v4/notes.json", data(json("{'type':'Matter','matter':{'id':" + id + "},'subject':'x'}"))).status())
                    .isEqualTo(400);
            assertThat(mm.get("/api/v4/matters/" + id + ".json").status()).as("reads are not rejected").isEqualTo(200);
            assertThat(mm.patch("/api/v4/matters/1001.json", data(json("{'client_reference':'X-1'}"))).status()).isEqualTo(200);

            mm.patch("/_control/faults", json("{'failNext':1}"));
            Resp failed = mm.get("/api/v4/matters.json?limit=1");
            assertThat(failed.status()).isEqualTo(500);
            assertThat(failed.errorType()).isEqualTo("InjectedFault");
            assertThat(mm.get("/api/v4/matters.json?limit=1").status()).isEqualTo(200);
        } finally {
            assertThat(mm.delete("/_control/faults").status()).isEqualTo(200);
        }
    }

    @Test
    void controlEndpointsAreNeverFaulted() {
        billing.put("/_control/faults", json("{'outage':true,'errorRate':1,'failNext':5,'latencyMs':2000}"));
        long ms = timeMs(() -> {
            assertThat(billing.get("/_control/faults").status()).isEqualTo(200);
            assertThat(billing.get("/_control/requests").status()).isEqualTo(200);
            assertThat(billing.get("/_control/stats").status()).isEqualTo(200);
            assertThat(billing.get("/_control/webhook").status()).isEqualTo(200);
        });
        assertThat(ms).isLessThan(2000);
        assertThat(billing.get("/_control/faults").json().path("failNext").asInt()).isEqualTo(5);
    }

    @Test
    void putReplacesPatchMergesAndInvalidFaultsAnswer422() {
        billing.put("/_control/faults", json("{'latencyMs':10,'failNext':3}"));
        billing.patch("/_control/faults", json("{'errorRate':0.5}"));
        JsonNode f = billing.get("/_control/faults").json();
        assertThat(f.path("latencyMs").asInt()).isEqualTo(10);
        assertThat(f.path("failNext").asInt()).isEqualTo(3);
        assertThat(f.path("errorRate").asDouble()).isEqualTo(0.5);
        billing.put("/_control/faults", json("{'latencyMs':5}"));
        f = billing.get("/_control/faults").json();
        assertThat(f.path("failNext").asInt()).isZero();
        assertThat(f.path("errorRate").asDouble()).isZero();

        Resp bad = billing.put("/_control/faults", json("{'errorRate':2,'failNxt':1}"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.errorMessage()).contains("errorRate").contains("failNxt");
        assertThat(billing.get("/_control/faults").json().path("latencyMs").asInt()).as("unchanged after 422").isEqualTo(5);
    }

    @Test
    void requestLogListsApiRequestsNewestLastWithStatusAndFault() {
        billing.delete("/_control/requests");
        billing.get("/api/v1/clients?number=ACME-001");
        billing.get("/api/v1/matters/BM-999999");
        billing.put("/_control/faults", json("{'failNext':1}"));
        billing.get("/api/v1/clients");
        JsonNode log = billing.get("/_control/requests?limit=10").json().path("requests");
        assertThat(log).hasSize(3);
        assertThat(log.get(0).path("path").asText()).isEqualTo("/billing/api/v1/clients");
        assertThat(log.get(0).path("query").asText()).isEqualTo("number=ACME-001");
        assertThat(log.get(0).path("status").asInt()).isEqualTo(200);
        assertThat(log.get(0).path("receivedAt").asText()).matches(".*T.*\\.\\d{3}Z");
        assertThat(log.get(0).has("durationMs")).isTrue();
        assertThat(log.get(1).path("status").asInt()).isEqualTo(404);
        assertThat(log.get(2).path("status").asInt()).isEqualTo(500);
        assertThat(log.get(2).path("fault").asText()).isEqualTo("failNext");
        JsonNode stats = billing.get("/_control/stats").json();
        assertThat(stats.path("requests").path("byStatus").path("404").asInt()).isEqualTo(1);
    }

    @Test
    void statsReportBusinessKeysThatHaveMoreThanOneRecord() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Resp r = billing.post("/api/v1/matters", json("{'number':'DUP-0001','name':'Duplicated by a buggy hub','client_number':'NWT-001'}"));
            assertThat(r.status()).isEqualTo(201);
            ids.add(r.json().path("id").asText());
        }
        JsonNode stats = billing.get("/_control/stats").json();
        assertThat(stats.path("records").path("clients").asInt()).isGreaterThanOrEqualTo(20);
        List<String> dupIds = new ArrayList<>();
        stats.path("duplicates").path("matters").path("DUP-0001").forEach(n -> dupIds.add(n.asText()));
        assertThat(dupIds).containsExactlyElementsOf(ids);
        assertThat(stats.path("duplicates").path("matters").has("2026-0013")).isFalse();
    }

    @Test
    void bearerTokenIsRequiredOnApiCallsWhenConfigured() {
        try (SandboxServer secured = SandboxServer.start(SandboxSettings.builder().seed(false)
                .bearerToken(SandboxSystem.BILLING, "t0ken").build())) {
            SandboxHttp b = new SandboxHttp(secured.baseUrl(SandboxSystem.BILLING));
            Resp none = b.get("/api/v1/clients");
            assertThat(none.status()).isEqualTo(401);
            assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
            assertThat(b.send("GET", "/api/v1/clients", null, new String[]{"Authorization", "Bearer wrong"}).status()).isEqualTo(401);
            assertThat(b.send("GET", "/api/v1/clients", null, new String[]{"Authorization", "Bearer t0ken"}).status()).isEqualTo(200);
            assertThat(b.get("/_control/stats").status()).isEqualTo(200);
            assertThat(new SandboxHttp(secured.baseUrl(SandboxSystem.DMS)).get(DMS_LIBRARIES).status()).isEqualTo(200);
        }
    }
}
