package io.legalhub.support;

import java.time.Duration;

import io.legalhub.sandbox.SandboxServer;
import io.legalhub.sandbox.SandboxSettings;
import io.legalhub.sandbox.SandboxSystem;

/** One sandbox per test JVM, seeded, in memory, on a free port; hubs under test point at it. */
public final class TestSandbox {

    private static SandboxServer server;

    private TestSandbox() {
    }

    public static synchronized SandboxServer get() {
        if (server == null) {
            server = SandboxServer.start(SandboxOAuth.register(SandboxSettings.builder())
                    .port(0)
                    .seed(true)
                    .webhookAttempts(3)
                    .webhookBackoff(Duration.ofMillis(200))
                    .build());
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    public static void clearAllFaults() {
        for (SandboxSystem system : SandboxSystem.values()) {
            new SandboxClient(get().port()).clearFaults(system.prefix());
        }
    }
}
