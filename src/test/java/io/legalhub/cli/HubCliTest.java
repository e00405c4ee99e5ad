package io.legalhub.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.legalhub.support.HubIntegrationTest;
import io.legalhub.support.SandboxClient;
import org.junit.jupiter.api.Test;

/** Issue 4: the command line for scripts, against a running hub. */
class HubCliTest extends HubIntegrationTest {

    private record Result(int exit, String out, String err) {
    }

    @Test
    void listShowsOpenDeadLettersAsATableAndAsJson() throws Exception {
        String number = rejectedInBilling();

        Result table = cli("operator", "list", "--key", number);
        Result json = cli("operator", "list", "--key", number, "--json");

        assertThat(table.exit).isZero();
        assertThat(table.out).contains("ID").contains("STATUS").contains(number).contains("billing").contains("open");
        assertThat(json.exit).isZero();
        JsonNode page = SandboxClient.JSON.readTree(json.out);
        assertThat(page.get("total").asInt()).isEqualTo(1);
        assertThat(page.at("/items/0/recordKey").asText()).isEqualTo(number);
    }

    @Test
    void showReplayAndTrailWorkOnOneDeadLetter() throws Exception {
        String number = rejectedInBilling();
        long id = SandboxClient.JSON.readTree(cli("viewer", "list", "--key", number, "--json").out).at("/items/0/id").asLong();

        Result show = cli("viewer", "show", String.valueOf(id));
        assertThat(show.exit).isZero();
        assertThat(show.out).contains("Refused by the CLI test").contains("Payload:").contains(number);

        sandbox.ok("PATCH", "/billing/_control/faults", "{\"rejectRecords\":{\"" + number + "\":null}}");
        Result replay = cli("operator", "replay", String.valueOf(id));
        assertThat(replay.exit).isZero();
        // the table shows the dead letter as the API answered: still on its way, or already delivered
        assertThat(replay.out).containsPattern(id + "\\s+(replaying|replayed)\\s+" + number);

        await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.billingMatters(number).size() == 1);
        Result trail = cli("viewer", "trail", number);
        assertThat(trail.exit).isZero();
        assertThat(trail.out).contains("in billing").contains("delivered").contains("replay-requested");
    }

    @Test
    void replayByFilterWaitsForItsJobAndReportsTheCount() throws Exception {
        String number = rejectedInBilling();
        sandbox.ok("PATCH", "/billing/_control/faults", "{\"rejectRecords\":{\"" + number + "\":null}}");

        Result replay = cli("operator", "replay", "--filter", "--key", number, "--target", "billing", "--wait");

        assertThat(replay.exit).isZero();
        assertThat(replay.out).contains("completed").contains("1/1 done");
    }

    @Test
    void failuresExitNonZeroWithAClearMessage() throws Exception {
        String number = rejectedInBilling();
        long id = SandboxClient.JSON.readTree(cli("viewer", "list", "--key", number, "--json").out).at("/items/0/id").asLong();

        Result viewerReplays = cli("viewer", "replay", String.valueOf(id));
        Result noReason = cli("operator", "discard", String.valueOf(id));
        Result badPassword = run(Map.of("HUB_URL", "http://127.0.0.1:" + port, "HUB_USER", "operator", "HUB_PASSWORD", "wrong"), "list");
        Result unreachable = run(Map.of("HUB_URL", "http://127.0.0.1:1", "HUB_USER", "operator", "HUB_PASSWORD", "operator"), "list");
        Result unknown = cli("viewer", "show", "999999999");

        assertThat(viewerReplays.exit).isEqualTo(1);
        assertThat(viewerReplays.err).contains("403");
        assertThat(noReason.exit).isEqualTo(2);
        assertThat(noReason.err).contains("--reason");
        assertThat(badPassword.exit).isEqualTo(1);
        assertThat(badPassword.err).contains("401").contains("HUB_USER");
        assertThat(unreachable.exit).isEqualTo(3);
        assertThat(unreachable.err).contains("Cannot reach the hub");
        assertThat(unknown.exit).isEqualTo(1);
        assertThat(unknown.err).contains("404").contains("No dead letter with id 999999999");
    }

    @Test
    void discardAndResolveChangeTheStatus() throws Exception {
        long first = SandboxClient.JSON.readTree(cli("viewer", "list", "--key", rejectedInBilling(), "--json").out).at("/items/0/id").asLong();
        long second = SandboxClient.JSON.readTree(cli("viewer", "list", "--key", rejectedInBilling(), "--json").out).at("/items/0/id").asLong();

        Result discard = cli("operator", "discard", String.valueOf(first), "--reason", "Duplicate request");
        Result resolve = cli("operator", "resolve", String.valueOf(second), "--note", "Fixed in billing by hand");

        assertThat(discard.out).contains("is now discarded");
        assertThat(resolve.out).contains("is now resolved");
    }

    private String rejectedInBilling() {
        String number = newMatterNumber();
        sandbox.ok("PATCH", "/billing/_control/faults", "{\"rejectRecords\":{\"" + number + "\":\"Refused by the CLI test\"}}");
        long client = sandbox.createClient("CLI client " + number, "Company");
        sandbox.createMatter(number, "CLI matter " + number, client, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> cli("viewer", "list", "--key", number).out.contains(number));
        return number;
    }

    private Result cli(String user, String... args) {
        return run(Map.of("HUB_URL", "http://127.0.0.1:" + port, "HUB_USER", user, "HUB_PASSWORD", user), args);
    }

    private static Result run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = HubCli.run(args, env, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(exit, out.toString(), err.toString());
    }
}
