package io.legalhub.subscriptions;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.legalhub.systems.HubSystemsProperties;
import org.springframework.stereotype.Service;

/**
 * For every webhook subscription the configuration asks for: whether one is in force, and if not, since when it is
 * missing and what covers the gap (the system's incremental poll). What the dashboard and the API show.
 */
@Service
public class SubscriptionCoverage {

    private final HubSystemsProperties properties;
    private final SubscriptionStore store;
    private final HubPublicUrl publicUrl;

    public SubscriptionCoverage(HubSystemsProperties properties, SubscriptionStore store, HubPublicUrl publicUrl) {
        this.properties = properties;
        this.store = store;
        this.publicUrl = publicUrl;
    }

    /** One wanted subscription: {@code state} is active, pending or missing. */
    public record Coverage(String system, String model, String state, WebhookSubscription current, OffsetDateTime missingSince,
                           String explanation, List<WebhookSubscription> history) {
    }

    public List<Coverage> now() {
        OffsetDateTime now = SubscriptionStore.now();
        List<Coverage> out = new ArrayList<>();
        for (Map.Entry<String, HubSystemsProperties.SystemSettings> system : properties.getSystems().entrySet()) {
            HubSystemsProperties.WebhookSubscriptions config = system.getValue().getWebhookSubscriptions();
            if (config == null) {
                continue;
            }
            for (HubSystemsProperties.Subscription wanted : config.getModels()) {
                List<WebhookSubscription> history = store.of(system.getKey(), wanted.getModel());
                WebhookSubscription active = history.stream()
                        .filter(s -> s.status() == SubscriptionStatus.ACTIVE && !s.expiredAt(now)).findFirst().orElse(null);
                WebhookSubscription pending = history.stream()
                        .filter(s -> s.status() == SubscriptionStatus.PENDING || s.status() == SubscriptionStatus.CREATING).findFirst().orElse(null);
                String gap = "the incremental poll of " + system.getKey() + " carries every change until one is in force";
                if (active != null) {
                    out.add(new Coverage(system.getKey(), wanted.getModel(), "active", active, null,
                            "webhooks arrive through subscription " + active.vendorId() + " until " + active.expiresAt(), history));
                } else {
                    OffsetDateTime since = history.isEmpty() ? null
                            : history.get(0).lastCheckedAt() != null ? history.get(0).lastCheckedAt() : history.get(0).createdAt();
                    String why = pending != null ? "subscription " + (pending.vendorId() == null ? "being created" : pending.vendorId())
                            + " awaits its handshake"
                            : publicUrl.get() == null ? "the hub's public URL is not known (hub.webhooks.public-url)"
                            : history.isEmpty() ? "none has been made yet"
                            : "the last one is " + history.get(0).status().id() + (history.get(0).lastError() == null ? ""
                            : " (" + history.get(0).lastError() + ")");
                    out.add(new Coverage(system.getKey(), wanted.getModel(), pending != null ? "pending" : "missing", pending, since,
                            "no webhook subscription in force: " + why + "; " + gap, history));
                }
            }
        }
        return out;
    }
}
