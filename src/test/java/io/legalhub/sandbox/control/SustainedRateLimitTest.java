package io.legalhub.sandbox.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.sandbox.http.ApiException;
import io.legalhub.sandbox.http.Json;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sustained rate limit against a clock the test moves, so no test waits. */
class SustainedRateLimitTest {

    private static final String PATH = "/billing/api/v1/clients";

    private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);
    private final Faults faults = new Faults(nanos::get);

    private static ObjectNode json(String singleQuoted) {
        return Json.parseObject(singleQuoted.replace('\'', '"'));
    }

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    private Faults.Injected call(String pathAndQuery) {
        return faults.evaluate("billing", pathAndQuery);
    }

    private Faults.Injected call() {
        return call(PATH);
    }

    private JsonNode rateLimit() {
        return faults.toJson().path("rateLimit");
    }

    @Test
    void aFullBucketLetsBurstRequestsThroughThenRefusesUntilATokenIsRefilled() {
        faults.merge(json("{'rateLimit':{'perMinute':60,'burst':5}}"));
        for (int i = 0; i < 5; i++) {
            assertThat(call()).as("request %d", i + 1).isNull();
        }
        Faults.Injected sixth = call();
        assertThat(sixth).isNotNull();
        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.type()).isEqualTo("RateLimited");
        assertThat(sixth.fault()).isEqualTo("rateLimit");
        assertThat(sixth.headers()).containsEntry("Retry-After", "1");

        advance(Duration.ofSeconds(1));
        assertThat(call()).as("one token refilled").isNull();
        assertThat(call()).as("and only one").isNotNull();
    }

    @Test
    void retryAfterIsTheWholeSecondsUntilTheNextTokenAndNeverZero() {
        faults.merge(json("{'rateLimit':{'perMinute':1,'burst':1}}"));
        assertThat(call()).isNull();
        assertThat(call().headers()).containsEntry("Retry-After", "60");
        advance(Duration.ofMillis(30_500));
        assertThat(call().headers()).containsEntry("Retry-After", "30");
        advance(Duration.ofMillis(29_499));
        assertThat(call().headers()).as("1 ms to go").containsEntry("Retry-After", "1");
        advance(Duration.ofMillis(1));
        assertThat(call()).isNull();
    }

    @Test
    void refusedRequestsTakeNoTokenAndTheBucketNeverHoldsMoreThanBurst() {
        faults.merge(json("{'rateLimit':{'perMinute':60,'burst':2}}"));
        call();
        call();
        for (int i = 0; i < 10; i++) {
            assertThat(call()).isNotNull();
        }
        advance(Duration.ofSeconds(1));
        assertThat(call()).as("the refusals did not dig a hole").isNull();

        advance(Duration.ofDays(3_650));
        assertThat(rateLimit().path("tokens").asLong()).isEqualTo(2);
    }

    @Test
    void burstDefaultsToOneSecondsWorthOfRequests() {
        faults.merge(json("{'rateLimit':{'perMinute':50}}"));
        assertThat(rateLimit().path("burst").asInt()).isEqualTo(1);
        faults.merge(json("{'rateLimit':{'perMinute':1000}}"));
        assertThat(rateLimit().path("burst").asInt()).isEqualTo(17);
        faults.merge(json("{'rateLimit':{'perMinute':120}}"));
        assertThat(rateLimit().path("burst").asInt()).isEqualTo(2);
        assertThat(call()).isNull();
        assertThat(call()).isNull();
        assertThat(call()).isNotNull();
    }

    @Test
    void onlyRequestsContainingMatchingAreCountedAndRefused() {
        faults.merge(json("{'rateLimit':{'perMinute':60,'burst':1,'matching':'2026-0012'}}"));
        assertThat(call("/billing/api/v1/matters?number=2026-0012")).isNull();
        assertThat(call("/billing/api/v1/matters?number=2026-0012")).isNotNull();
        for (int i = 0; i < 5; i++) {
            assertThat(call("/billing/api/v1/matters?number=2026-0013")).isNull();
        }
    }

    @Test
    void theNextCounterIsUsedUpBeforeTheSustainedLimit() {
        faults.merge(json("{'rateLimit':{'next':2,'retryAfterSeconds':7,'perMinute':60,'burst':1}}"));
        assertThat(call().headers()).containsEntry("Retry-After", "7");
        assertThat(call().headers()).containsEntry("Retry-After", "7");
        assertThat(call()).as("the bucket's token").isNull();
        assertThat(call().headers()).containsEntry("Retry-After", "1");
        assertThat(rateLimit().path("next").asInt()).isZero();
    }

    @Test
    void getShowsTheSettingsAndTheTokensAvailableNow() {
        assertThat(rateLimit().path("perMinute").isNull()).isTrue();
        assertThat(rateLimit().path("burst").isNull()).isTrue();
        assertThat(rateLimit().path("tokens").isNull()).isTrue();

        faults.merge(json("{'rateLimit':{'perMinute':60,'burst':5}}"));
        call();
        call();
        call();
        assertThat(rateLimit().path("perMinute").asInt()).isEqualTo(60);
        assertThat(rateLimit().path("burst").asInt()).isEqualTo(5);
        assertThat(rateLimit().path("tokens").asLong()).isEqualTo(2);
        advance(Duration.ofMillis(1_500));
        assertThat(rateLimit().path("tokens").asLong()).as("whole tokens only").isEqualTo(3);
    }

    @Test
    void aPatchOfOtherFaultsKeepsTheBucketAndAChangedLimitStartsFull() {
        faults.merge(json("{'rateLimit':{'perMinute':60,'burst':3}}"));
        call();
        call();
        call();
        faults.merge(json("{'latencyMs':5}"));
        assertThat(rateLimit().path("tokens").asLong()).as("not refilled by an unrelated change").isZero();

        faults.merge(json("{'rateLimit':{'perMinute':120}}"));
        assertThat(rateLimit().path("burst").asInt()).as("an explicit burst is kept").isEqualTo(3);
        assertThat(rateLimit().path("tokens").asLong()).isEqualTo(3);

        faults.merge(json("{'rateLimit':{'burst':null}}"));
        assertThat(rateLimit().path("burst").asInt()).as("back to the default").isEqualTo(2);
    }

    @Test
    void perMinuteNullRemovesOnlyTheSustainedLimitAndRateLimitNullClearsAll() {
        faults.merge(json("{'rateLimit':{'next':3,'retryAfterSeconds':9,'perMinute':60}}"));
        faults.merge(json("{'rateLimit':{'next':3,'perMinute':null}}"));
        assertThat(rateLimit().path("perMinute").isNull()).isTrue();
        assertThat(rateLimit().path("next").asInt()).isEqualTo(3);
        assertThat(rateLimit().path("retryAfterSeconds").asInt()).isEqualTo(9);

        faults.merge(json("{'rateLimit':{'perMinute':60,'burst':1,'matching':'x'}}"));
        faults.merge(json("{'rateLimit':null}"));
        JsonNode rl = rateLimit();
        assertThat(rl.path("next").asInt()).isZero();
        assertThat(rl.path("retryAfterSeconds").asInt()).isEqualTo(1);
        assertThat(rl.path("matching").isNull()).isTrue();
        assertThat(rl.path("perMinute").isNull()).isTrue();
        assertThat(rl.path("burst").isNull()).isTrue();
        for (int i = 0; i < 5; i++) {
            assertThat(call()).isNull();
        }
    }

    @Test
    void clearAndAPutWithoutRateLimitRemoveTheSustainedLimit() {
        faults.merge(json("{'rateLimit':{'perMinute':1,'burst':1}}"));
        faults.clear();
        assertThat(call()).isNull();
        assertThat(call()).isNull();

        faults.replace(json("{'rateLimit':{'perMinute':1,'burst':1}}"));
        faults.replace(json("{'failNext':0}"));
        assertThat(call()).isNull();
        assertThat(call()).isNull();
    }

    @Test
    void whatGetShowsCanBeSentBack() {
        faults.merge(json("{'rateLimit':{'perMinute':60,'burst':5}}"));
        faults.replace(faults.toJson());
        assertThat(rateLimit().path("perMinute").asInt()).isEqualTo(60);
        assertThat(rateLimit().path("burst").asInt()).isEqualTo(5);
    }

    @Test
    void invalidSettingsAreRefusedNamingTheFieldAndChangeNothing() {
        faults.merge(json("{'rateLimit':{'perMinute':60,'burst':5}}"));
        assertInvalid("{'rateLimit':{'perMinute':0}}", "rateLimit.perMinute");
        assertInvalid("{'rateLimit':{'perMinute':1000001}}", "rateLimit.perMinute");
        assertInvalid("{'rateLimit':{'perMinute':60,'burst':0}}", "rateLimit.burst");
        assertInvalid("{'rateLimit':{'perMinute':'60'}}", "rateLimit.perMinute");
        assertInvalid("{'rateLimit':{'perMinute':60,'perSecond':1}}", "rateLimit.perSecond");
        assertInvalid("{'rateLimit':{'perMinute':null,'burst':3}}", "rateLimit.burst");
        assertThat(rateLimit().path("perMinute").asInt()).isEqualTo(60);
        assertThat(rateLimit().path("burst").asInt()).isEqualTo(5);

        Faults fresh = new Faults(nanos::get);
        assertThatThrownBy(() -> fresh.merge(json("{'rateLimit':{'burst':3}}")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.fields()).containsExactly("rateLimit.burst"));
    }

    private void assertInvalid(String body, String field) {
        assertThatThrownBy(() -> faults.merge(json(body)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.fields()).contains(field);
                    assertThat(e.getMessage()).contains(field);
                });
    }

    @Test
    void concurrentRequestsNeverGetMoreTokensThanTheBucketHolds() throws Exception {
        faults.merge(json("{'rateLimit':{'perMinute':60,'burst':50}}"));
        int threads = 8;
        int perThread = 100;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> passed = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                passed.add(pool.submit(() -> {
                    start.await();
                    int ok = 0;
                    for (int i = 0; i < perThread; i++) {
                        if (call() == null) {
                            ok++;
                        }
                    }
                    return ok;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : passed) {
                total += f.get();
            }
            assertThat(total).isEqualTo(50);
        } finally {
            pool.shutdownNow();
        }
    }
}
