package io.legalhub.subscriptions;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The URL at which systems reach the hub's webhooks ({@code hub.webhooks.public-url}: in production the load
 * balancer's https address). Left empty, it is the hub's own loopback address once its web server runs, which is
 * right for the sandbox and tests on one machine.
 */
@Component
public class HubPublicUrl {

    private final String configured;
    private volatile String local;

    public HubPublicUrl(@Value("${hub.webhooks.public-url:}") String configured) {
        this.configured = configured == null ? "" : configured.trim().replaceAll("/+$", "");
    }

    @EventListener
    void serverStarted(WebServerInitializedEvent event) {
        if (!"management".equals(event.getApplicationContext().getServerNamespace())) {
            local = "http://127.0.0.1:" + event.getWebServer().getPort();
        }
    }

    /** The base URL, or null while it is not known (not configured and the web server not started yet). */
    public String get() {
        return !configured.isEmpty() ? configured : local;
    }

    public boolean configured() {
        return !configured.isEmpty();
    }
}
