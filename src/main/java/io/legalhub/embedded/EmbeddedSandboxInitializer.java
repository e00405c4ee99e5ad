package io.legalhub.embedded;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import io.legalhub.sandbox.SandboxServer;
import io.legalhub.sandbox.SandboxSettings;
import io.legalhub.sandbox.SandboxSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Embedded mode: starts the sandbox systems before the hub's context is built, so the hub reaches them
 * over real HTTP through the same connectors it uses for real systems. Webhook secrets not given in the
 * environment are generated for this run and handed to both sides; none is ever written to disk or logged. So are
 * the OAuth 2 clients of the systems the hub reaches with OAuth 2 (client id, secret and, for a refresh-token grant,
 * the refresh token a user's consent would have given): the hub obtains and refreshes real expiring tokens.
 * The sandbox is stopped after the hub, so in-flight deliveries finish against it.
 */
public class EmbeddedSandboxInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSandboxInitializer.class);
    /**
     * Systems whose webhooks go to one fixed target: conflicts. Matter management (Clio) sends to the hub's own
     * subscriptions, and the DMS (iManage) sends none (the hub polls its documents).
     */
    private static final SandboxSystem[] WEBHOOK_SENDERS = {SandboxSystem.CONFLICTS};

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        if (!env.getProperty("hub.sandbox.enabled", Boolean.class, false)
                || context.getBeanFactory().containsSingleton("embeddedSandbox")) {
            return;
        }
        Map<String, Object> overrides = new LinkedHashMap<>();
        Map<SandboxSystem, String> secrets = new LinkedHashMap<>();
        for (SandboxSystem system : WEBHOOK_SENDERS) {
            String property = "hub.systems." + system.prefix() + ".webhook-secret";
            String secret = env.getProperty(property, "");
            if (secret.isBlank()) {
                secret = randomSecret();
                overrides.put(property, secret);
            }
            secrets.put(system, secret);
        }
        String dataDir = env.getProperty("hub.sandbox.data-dir", "");
        SandboxSettings.Builder builder = SandboxSettings.builder()
                .port(env.getProperty("hub.sandbox.port", Integer.class, 8089))
                .dataDir(dataDir.isBlank() ? null : Path.of(dataDir))
                .seed(env.getProperty("hub.sandbox.seed", Boolean.class, true));
        for (SandboxSystem system : SandboxSystem.values()) {
            registerOAuthClient(env, system, builder, overrides);
        }
        SandboxSettings settings = builder.build();
        SandboxServer sandbox = SandboxServer.start(settings);
        overrides.put("hub.sandbox.port", sandbox.port());
        env.getPropertySources().addFirst(new MapPropertySource("embeddedSandbox", overrides));

        context.getBeanFactory().registerSingleton("embeddedSandbox", sandbox);
        if (context.getBeanFactory() instanceof DefaultListableBeanFactory factory) {
            factory.registerDisposableBean("embeddedSandbox", sandbox::stop);
        }
        context.addApplicationListener((ApplicationListener<WebServerInitializedEvent>) event -> {
            if (event.getApplicationContext().getParent() == null || event.getApplicationContext() == context) {
                int port = event.getWebServer().getPort();
                secrets.forEach((system, secret) ->
                        sandbox.setWebhookTarget(system, "http://127.0.0.1:" + port + "/webhooks/" + system.prefix(), secret));
                log.info("Sandbox systems on http://127.0.0.1:{} send webhooks to the hub on port {}", sandbox.port(), port);
            }
        });
    }

    private static void registerOAuthClient(ConfigurableEnvironment env, SandboxSystem system, SandboxSettings.Builder builder,
                                            Map<String, Object> overrides) {
        String auth = "hub.systems." + system.prefix() + ".auth.";
        if (!"oauth2".equalsIgnoreCase(env.getProperty(auth + "type", ""))) {
            return;
        }
        String clientId = valueOrGenerated(env, auth + "client-id", "legal-hub-" + system.prefix(), overrides);
        String secret = valueOrGenerated(env, auth + "client-secret", randomSecret(), overrides);
        String refreshToken = null;
        if ("refresh-token".equalsIgnoreCase(env.getProperty(auth + "grant", "").replace('_', '-'))) {
            refreshToken = valueOrGenerated(env, auth + "refresh-token", randomSecret(), overrides);
        }
        builder.oauthClient(system, clientId, secret, refreshToken);
    }

    private static String valueOrGenerated(ConfigurableEnvironment env, String property, String generated,
                                           Map<String, Object> overrides) {
        String value = env.getProperty(property, "");
        if (value.isBlank()) {
            overrides.put(property, generated);
            return generated;
        }
        return value;
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
