package io.legalhub.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import io.legalhub.sandbox.SandboxServer;
import io.legalhub.sandbox.SandboxSettings;
import io.legalhub.sandbox.SandboxSystem;
import io.legalhub.sandbox.TappedExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recorder on a real sandbox: what it sees, and how a test class fails or reports. */
class ContractRecorderTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static SandboxServer sandbox;

    private ContractRecorder recorder;

    @TempDir
    Path reports;

    @BeforeAll
    static void startSandbox() {
        sandbox = SandboxServer.start(SandboxSettings.defaults());
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.stop();
    }

    @BeforeEach
    void record() {
        recorder = ContractRecorder.tapping(sandbox);
    }

    @AfterEach
    void stopRecording() {
        recorder.stop();
    }

    private static HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anApiRequestIsRecordedWithItsQueryHeadersAndTheAnswer() throws Exception {
        HttpResponse<String> answer = send("GET", "/matter-management/api/v4/matters.json?limit=5", null, "X-Api-Version", "4.0.9");

        assertThat(recorder.recorded()).singleElement().satisfies(e -> {
            assertThat(e.system()).isEqualTo(SandboxSystem.MATTER_MANAGEMENT);
            assertThat(e.method()).isEqualTo("GET");
            assertThat(e.path()).isEqualTo("/api/v4/matters.json");
            assertThat(e.rawPath()).isEqualTo("/matter-management/api/v4/matters.json");
            assertThat(e.rawQuery()).isEqualTo("limit=5");
            assertThat(e.requestHeader("x-api-version")).isEqualTo("4.0.9");
            assertThat(e.status()).isEqualTo(answer.statusCode()).isEqualTo(200);
            assertThat(e.responseHeader("content-type")).startsWith("application/json");
            assertThat(e.responseText()).isEqualTo(answer.body());
        });
    }

    @Test
    void theRequestBodyIsRecordedAsSent() throws Exception {
        String body = "{\"data\":{\"name\":\"Recorder Test Ltd\",\"type\":\"Company\"}}";
        send("POST", "/matter-management/api/v4/contacts.json", body);

        assertThat(recorder.recorded()).singleElement()
                .satisfies(e -> assertThat(new String(e.requestBody(), StandardCharsets.UTF_8)).isEqualTo(body));
    }

    @Test
    void observerAndControlRequestsAreNotRecorded() throws Exception {
        send("GET", "/matter-management/api/v4/matters", null, "X-Sandbox-Observer", "true");
        send("GET", "/matter-management/_control/stats", null);
        send("GET", "/", null);
        send("GET", "/billing/api/v1/clients", null);

        assertThat(recorder.recorded()).extracting(TappedExchange::rawPath).containsExactly("/billing/api/v1/clients");
    }

    @Test
    void nothingIsRecordedOnceStopped() throws Exception {
        recorder.stop();
        send("GET", "/billing/api/v1/clients", null);

        assertThat(recorder.recorded()).isEmpty();
    }

    @Test
    void aTapThatThrowsNeverBreaksTheSandboxsAnswer() throws Exception {
        io.legalhub.sandbox.ExchangeTap broken = e -> {
            throw new IllegalStateException("broken tap");
        };
        sandbox.tap(broken);
        try {
            assertThat(send("GET", "/billing/api/v1/clients", null).statusCode()).isEqualTo(200);
            assertThat(recorder.recorded()).hasSize(1);
        } finally {
            sandbox.untap(broken);
        }
    }

    @Test
    void aViolationOfAnEnforcedSystemFailsTheClassListingItAndTheReportHasIt() throws Exception {
        send("GET", "/matter-management/api/v4/matters", null);

        assertThatThrownBy(() -> recorder.check("SomeEndToEndTest", Set.of(SandboxSystem.MATTER_MANAGEMENT), Specs.specs(), reports))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("during SomeEndToEndTest")
                .hasMessageContaining("GET /matter-management/api/v4/matters: operation: no operation GET"
                        + " /matter-management/api/v4/matters in clio-manage-v4");
        assertThat(Files.readString(reports.resolve("SomeEndToEndTest.txt")))
                .contains("== matter-management (enforced)")
                .contains("GET /matter-management/api/v4/matters: 1 exchange: 1 failed");
    }

    @Test
    void aSystemNotEnforcedIsReportedButDoesNotFail() throws Exception {
        send("GET", "/matter-management/api/v4/matters", null);
        send("GET", "/billing/api/v1/clients", null);

        recorder.check("SomeEndToEndTest", Set.of(), Specs.specs(), reports);

        assertThat(Files.readString(reports.resolve("SomeEndToEndTest.txt")))
                .contains("Enforced systems: none")
                .contains("== matter-management (not enforced)", "1 failed")
                .contains("GET /billing/api/v1/clients: 1 exchange: 1 not covered", "own design");
    }

    @Test
    void theFailureListsTwentyDistinctViolationsThenCountsTheRest() throws Exception {
        for (int i = 1; i <= 25; i++) {
            send("GET", "/matter-management/api/v4/nothing-" + (char) ('a' + i) + ".json", null);
        }

        assertThatThrownBy(() -> recorder.check("SomeEndToEndTest", Set.of(SandboxSystem.MATTER_MANAGEMENT), Specs.specs(), reports))
                .satisfies(e -> assertThat(e.getMessage().split("\n  - ")).hasSize(1 + ContractRecorder.VIOLATIONS_SHOWN))
                .hasMessageEndingWith("… and 5 more distinct violations");
    }

    @Test
    void identicalExchangesAreCheckedOnceAndAllCounted() throws Exception {
        for (int i = 0; i < 3; i++) {
            send("GET", "/billing/api/v1/clients", null);
        }

        recorder.check("SomeEndToEndTest", Set.of(), Specs.specs(), reports);

        assertThat(Files.readString(reports.resolve("SomeEndToEndTest.txt")))
                .contains("Exchanges: 3 recorded, 1 distinct")
                .contains("GET /billing/api/v1/clients: 3 exchanges: 3 not covered");
    }
}
