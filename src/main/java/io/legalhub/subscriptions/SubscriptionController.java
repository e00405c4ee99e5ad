package io.legalhub.subscriptions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The hub's webhook subscriptions: what is in force, since when a missing one is missing, and "check them now". */
@RestController
@RequestMapping("/api/webhook-subscriptions")
public class SubscriptionController {

    private final SubscriptionCoverage coverage;
    private final SubscriptionKeeper keeper;

    public SubscriptionController(SubscriptionCoverage coverage, SubscriptionKeeper keeper) {
        this.coverage = coverage;
        this.keeper = keeper;
    }

    @GetMapping
    public Map<String, Object> list() {
        return Map.of("subscriptions", coverage.now().stream().map(SubscriptionController::view).toList());
    }

    /** Creates, renews or replaces what needs it now, instead of at the next scheduled check. */
    @PostMapping("/check")
    public Map<String, Object> check() {
        keeper.maintain();
        return list();
    }

    private static Map<String, Object> view(SubscriptionCoverage.Coverage c) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("system", c.system());
        v.put("model", c.model());
        v.put("state", c.state());
        v.put("explanation", c.explanation());
        v.put("missingSince", c.missingSince());
        v.put("current", c.current() == null ? null : row(c.current()));
        List<Map<String, Object>> history = c.history().stream().limit(20).map(SubscriptionController::row).toList();
        v.put("history", history);
        return v;
    }

    /** A subscription without its secret (and without the ref, which is as good as a password for its URL). */
    private static Map<String, Object> row(WebhookSubscription s) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", s.id());
        v.put("vendorId", s.vendorId());
        v.put("status", s.status().id());
        v.put("events", s.events());
        v.put("fields", s.fields());
        v.put("expiresAt", s.expiresAt());
        v.put("createdAt", s.createdAt());
        v.put("renewedAt", s.renewedAt());
        v.put("handshakeAt", s.handshakeAt());
        v.put("lastDeliveryAt", s.lastDeliveryAt());
        v.put("deliveries", s.deliveries());
        v.put("lastCheckedAt", s.lastCheckedAt());
        v.put("lastError", s.lastError());
        return v;
    }
}
