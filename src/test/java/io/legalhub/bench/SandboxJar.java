package io.legalhub.bench;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.legalhub.support.SandboxClient;
import io.legalhub.support.SandboxOAuth;

/**
 * The sandbox as its own process ({@code java -jar legal-hub.jar sandbox}), empty but for the firm's reference data
 * in matter management (clients, practice areas, attorneys and the conflict custom fields, without which the hub
 * cannot write a conflict result back) and the Relativity clients that litigation matters are filed under.
 */
final class SandboxJar implements AutoCloseable {

    /** The systems the hub calls for a matter, in the order the tables list them. */
    static final List<String> SYSTEMS = List.of("matter-management", "conflicts", "billing", "dms", "ediscovery");

    final int port;
    final SandboxClient client;
    private final PackagedJar process;

    private SandboxJar(int port, PackagedJar process) {
        this.port = port;
        this.client = new SandboxClient(port);
        this.process = process;
    }

    /**
     * @param hubPort       where the hub will listen (conflicts sends its webhooks there)
     * @param webhookSecret the conflicts webhook secret the hub is given too
     */
    static SandboxJar start(Path log, int hubPort, String webhookSecret) throws IOException {
        int port = PackagedJar.freePort();
        List<String> args = new ArrayList<>(List.of("sandbox", "--no-seed", "--threads=64", "--port=" + port));
        for (SandboxOAuth.Client c : SandboxOAuth.ALL) {
            args.add("--oauth." + c.system().prefix() + "=" + c.clientId() + ":" + c.clientSecret()
                    + (c.refreshToken() == null ? "" : ":" + c.refreshToken()));
        }
        args.add("--webhook-url.conflicts=http://127.0.0.1:" + hubPort + "/webhooks/conflicts");
        args.add("--webhook-secret.conflicts=" + webhookSecret);
        PackagedJar process = new PackagedJar("sandbox", log, List.of("-Xmx2g"), args, Map.of());
        SandboxJar sandbox = new SandboxJar(port, process);
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
                process.checkAlive();
                try {
                    return sandbox.client.send("GET", "/", null).status() == 200;
                } catch (RuntimeException e) {
                    return false;
                }
            });
            sandbox.referenceData();
        } catch (RuntimeException e) {
            process.stop();
            throw e;
        }
        return sandbox;
    }

    /** Seeds matter management and e-discovery, then removes the seeded matters: only reference data stays. */
    private void referenceData() {
        client.ok("POST", "/matter-management/_control/reset?seed=true", null);
        client.ok("POST", "/ediscovery/_control/reset?seed=true", null);
        String page = "/matter-management/api/v4/matters.json?fields=id&order=id(asc)&limit=200";
        List<Long> ids = new ArrayList<>();
        for (JsonNode m : client.ok("GET", page, null).path("data")) {
            ids.add(m.path("id").asLong());
        }
        for (long id : ids) {
            client.ok("DELETE", "/matter-management/api/v4/matters/" + id + ".json", null);
        }
        for (String system : SYSTEMS) {
            client.ok("DELETE", "/" + system + "/_control/requests", null);
        }
    }

    /** API requests per system (all of them, and those the rate limit refused with 429), counted by the sandbox. */
    record Calls(Map<String, Long> total, Map<String, Long> rateLimited) {

        Calls since(Calls before) {
            Map<String, Long> t = new LinkedHashMap<>();
            Map<String, Long> r = new LinkedHashMap<>();
            total.forEach((system, n) -> t.put(system, n - before.total.getOrDefault(system, 0L)));
            rateLimited.forEach((system, n) -> r.put(system, n - before.rateLimited.getOrDefault(system, 0L)));
            return new Calls(t, r);
        }
    }

    /** The requests so far of whoever calls the APIs (observers and control calls are not counted). */
    Calls calls() {
        Map<String, Long> total = new LinkedHashMap<>();
        Map<String, Long> limited = new LinkedHashMap<>();
        for (String system : SYSTEMS) {
            JsonNode requests = client.stats(system).path("requests");
            total.put(system, requests.path("total").asLong());
            limited.put(system, requests.path("rateLimited").asLong());
        }
        return new Calls(total, limited);
    }

    long records(String system, String table) {
        return client.stats(system).at("/records/" + table).asLong();
    }

    JsonNode stats(String system) {
        return client.stats(system);
    }

    /** The same faults on every system (a PATCH: other faults stay). */
    void faultsEverywhere(String json) {
        for (String system : SYSTEMS) {
            client.ok("PATCH", "/" + system + "/_control/faults", json);
        }
    }

    void faults(String system, String json) {
        client.ok("PATCH", "/" + system + "/_control/faults", json);
    }

    /** Matter management's webhook subscriptions (a stopped hub's would go on being posted to). */
    void deleteWebhookSubscriptions() {
        for (JsonNode hook : client.ok("GET", "/matter-management/api/v4/webhooks.json?fields=id", null).path("data")) {
            client.ok("DELETE", "/matter-management/api/v4/webhooks/" + hook.path("id").asLong() + ".json", null);
        }
    }

    Duration cpu() {
        return process.cpu();
    }

    void checkAlive() {
        process.checkAlive();
    }

    @Override
    public void close() {
        process.stop();
    }
}
