package io.legalhub.support;

import java.util.LinkedHashMap;
import java.util.Map;

import io.legalhub.sandbox.SandboxSettings;
import io.legalhub.sandbox.SandboxSystem;

/**
 * The OAuth 2 clients the test sandboxes know and the hubs under test use: Clio and iManage by a refresh token
 * (the consent a user gave once), Relativity by client credentials. Test values only, never real secrets.
 */
public final class SandboxOAuth {

    public record Client(SandboxSystem system, String envPrefix, String clientId, String clientSecret, String refreshToken) {
    }

    public static final Client CLIO = new Client(SandboxSystem.MATTER_MANAGEMENT, "MATTER_MANAGEMENT",
            "hub-test-clio", "clio-test-secret", "clio-test-refresh-token");
    public static final Client IMANAGE = new Client(SandboxSystem.DMS, "DMS",
            "hub-test-imanage", "imanage-test-secret", "imanage-test-refresh-token");
    public static final Client RELATIVITY = new Client(SandboxSystem.EDISCOVERY, "EDISCOVERY",
            "hub-test-relativity", "relativity-test-secret", null);
    public static final Client[] ALL = {CLIO, IMANAGE, RELATIVITY};

    private SandboxOAuth() {
    }

    /** The sandbox knows the three clients. */
    public static SandboxSettings.Builder register(SandboxSettings.Builder builder) {
        for (Client c : ALL) {
            builder.oauthClient(c.system(), c.clientId(), c.clientSecret(), c.refreshToken());
        }
        return builder;
    }

    /** Spring properties of a hub that uses them (the grant and token URI come from config/application.yaml). */
    public static Map<String, String> hubProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        for (Client c : ALL) {
            String prefix = "hub.systems." + c.system().prefix() + ".auth.";
            p.put(prefix + "client-id", c.clientId());
            p.put(prefix + "client-secret", c.clientSecret());
            if (c.refreshToken() != null) {
                p.put(prefix + "refresh-token", c.refreshToken());
            }
            // tests shorten a sandbox's token lifetime to seconds; the hub renews within 2 s of a token's end
            p.put(prefix + "refresh-before-expiry", "2s");
        }
        return p;
    }

    /** The same as environment variables, for a hub started as its own process. */
    public static Map<String, String> hubEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        for (Client c : ALL) {
            env.put(c.envPrefix() + "_CLIENT_ID", c.clientId());
            env.put(c.envPrefix() + "_CLIENT_SECRET", c.clientSecret());
            if (c.refreshToken() != null) {
                env.put(c.envPrefix() + "_REFRESH_TOKEN", c.refreshToken());
            }
        }
        return env;
    }
}
