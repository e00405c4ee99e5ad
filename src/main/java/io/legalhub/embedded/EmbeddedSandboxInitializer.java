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
 * environment are generated for this run and handed to both sides; none is ever written to disk or logged.
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
        SandboxSettings settings = SandboxSettings.builder()
                .port(env.getProperty("hub.sandbox.port", Integer.class, 8089))
                .dataDir(dataDir.isBlank() ? null : Path.of(dataDir))
                .seed(env.getProperty("hub.sandbox.seed", Boolean.class, true))
                .build();
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

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
