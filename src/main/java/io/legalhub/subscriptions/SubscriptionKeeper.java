package io.legalhub.subscriptions;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.mapping.MappingLibrary;
import io.legalhub.systems.HubSystemsProperties;
import io.legalhub.systems.HubSystemsProperties.Subscription;
import io.legalhub.systems.HubSystemsProperties.WebhookSubscriptions;
import io.legalhub.systems.PermanentSystemFailure;
import io.legalhub.systems.SystemClient;
import io.legalhub.systems.SystemFailure;
import io.legalhub.systems.SystemResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps one enabled webhook subscription per configured system and model: creates it (the handshake confirms it, or
 * the keeper activates it), renews it before it expires, and replaces it when the system has disabled, deleted or
 * expired it, or when its handshake never came. Runs on a clustered schedule (one instance at a time) and on request.
 * A failure is recorded on the subscription and tried again at the next pass; while no subscription is active, the
 * incremental poll of that system carries every change anyway.
 */
@Component
public class SubscriptionKeeper {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionKeeper.class);

    private final HubSystemsProperties properties;
    private final SubscriptionStore store;
    private final SystemClient client;
    private final MappingLibrary mappings;
    private final HubPublicUrl publicUrl;
    private final ObjectMapper json;
    private final SecureRandom random = new SecureRandom();

    public SubscriptionKeeper(HubSystemsProperties properties, SubscriptionStore store, SystemClient client, MappingLibrary mappings,
                              HubPublicUrl publicUrl, ObjectMapper json) {
        this.properties = properties;
        this.store = store;
        this.client = client;
        this.mappings = mappings;
        this.publicUrl = publicUrl;
        this.json = json;
    }

    /** One pass over every configured subscription. */
    public synchronized void maintain() {
        for (Map.Entry<String, HubSystemsProperties.SystemSettings> system : properties.getSystems().entrySet()) {
            WebhookSubscriptions config = system.getValue().getWebhookSubscriptions();
            if (config == null) {
                continue;
            }
            for (Subscription wanted : config.getModels()) {
                try {
                    keep(system.getKey(), config, wanted);
                } catch (RuntimeException e) {
                    log.warn("Webhook subscription of {} {} could not be kept this pass: {}", system.getKey(), wanted.getModel(), e.getMessage());
                }
            }
        }
    }

    private void keep(String system, WebhookSubscriptions config, Subscription wanted) {
        OffsetDateTime now = SubscriptionStore.now();
        List<WebhookSubscription> live = new ArrayList<>();
        for (WebhookSubscription s : store.of(system, wanted.getModel())) {
            if (s.status() == SubscriptionStatus.ACTIVE || s.status() == SubscriptionStatus.PENDING || s.status() == SubscriptionStatus.CREATING) {
                live.add(s);
            }
        }
        // the newest one counts; older ones (e.g. two instances started at once) are retired
        for (WebhookSubscription extra : live.subList(Math.min(1, live.size()), live.size())) {
            retire(system, config, extra, "replaced by a newer subscription");
        }
        WebhookSubscription current = live.isEmpty() ? null : live.get(0);
        if (current == null) {
            create(system, config, wanted);
            return;
        }
        String base = publicUrl.get();
        if (base != null && current.url() != null && !current.url().startsWith(base + "/webhooks/")) {
            // hub.webhooks.public-url changed: the system would keep posting to the old address
            retire(system, config, current, "the hub's public URL is now " + base);
            create(system, config, wanted);
            return;
        }
        switch (current.status()) {
            case CREATING -> {
                if (current.createdAt().plus(config.getHandshakeTimeout()).isBefore(now)) {
                    // the create's answer was never recorded (a crash in between); the system's copy expires on its own
                    store.status(current.id(), SubscriptionStatus.FAILED, "its creation was never confirmed");
                    create(system, config, wanted);
                }
            }
            case PENDING -> keepPending(system, config, wanted, current, now);
            case ACTIVE -> keepActive(system, config, wanted, current, now);
            default -> create(system, config, wanted);
        }
    }

    private void keepPending(String system, WebhookSubscriptions config, Subscription wanted, WebhookSubscription current, OffsetDateTime now) {
        if (config.getActivate() != null && current.secret() != null && current.vendorId() != null) {
            try {
                client.send(system, method(config.getActivate()), path(config.getActivate(), current.vendorId()), null, false,
                        Map.of(config.getHandshakeHeader(), current.secret()));
                store.status(current.id(), SubscriptionStatus.ACTIVE, null);
                log.info("Webhook subscription {} of {} {} activated", current.vendorId(), system, wanted.getModel());
                return;
            } catch (SystemFailure e) {
                store.checked(current.id(), "activation failed: " + e.getMessage());
            }
        }
        if (current.createdAt().plus(config.getHandshakeTimeout()).isBefore(now)) {
            retire(system, config, current, "its handshake never confirmed it");
            create(system, config, wanted);
        }
    }

    private void keepActive(String system, WebhookSubscriptions config, Subscription wanted, WebhookSubscription current, OffsetDateTime now) {
        if (current.expiredAt(now)) {
            retire(system, config, current, "it expired");
            create(system, config, wanted);
            return;
        }
        if (config.getRead() != null) {
            try {
                SystemResponse read = client.send(system, method(config.getRead()), path(config.getRead(), current.vendorId()), null, true);
                if (read.status() == 404) {
                    store.status(current.id(), SubscriptionStatus.RETIRED, system + " no longer has it");
                    log.info("Webhook subscription {} of {} {} is gone from {}; subscribing again", current.vendorId(), system,
                            wanted.getModel(), system);
                    create(system, config, wanted);
                    return;
                }
                JsonNode answer = client.parse(system, read.body());
                String status = answer.at(config.getResponseStatus()).asText("");
                if (!status.isEmpty() && !config.getActiveStatuses().contains(status)) {
                    retire(system, config, current, system + " has it " + status);
                    create(system, config, wanted);
                    return;
                }
                OffsetDateTime expires = time(answer.at(config.getResponseExpiresAt()));
                if (expires != null && (current.expiresAt() == null || !expires.isEqual(current.expiresAt()))) {
                    // the system's word on when it expires counts (someone may have changed it there)
                    current = store.withExpiry(current, expires);
                    if (current.expiredAt(now)) {
                        retire(system, config, current, "it expired");
                        create(system, config, wanted);
                        return;
                    }
                }
            } catch (SystemFailure e) {
                store.checked(current.id(), "could not be read: " + e.getMessage());
                return;
            }
        }
        if (current.expiresAt() == null || current.expiresAt().minus(config.getRenewBefore()).isBefore(now)) {
            renew(system, config, wanted, current, now);
        } else {
            store.checked(current.id(), null);
        }
    }

    private void renew(String system, WebhookSubscriptions config, Subscription wanted, WebhookSubscription current, OffsetDateTime now) {
        OffsetDateTime until = now.plus(config.getLifetime());
        JsonNode body = body(system, config, "renew", current.url(), wanted, until);
        try {
            SystemResponse renewed = client.send(system, method(config.getRenew()), path(config.getRenew(), current.vendorId()),
                    json.writeValueAsString(body), false);
            OffsetDateTime answered = time(client.parse(system, renewed.body()).at(config.getResponseExpiresAt()));
            store.renewed(current.id(), answered == null ? until : answered);
            log.info("Webhook subscription {} of {} {} renewed until {}", current.vendorId(), system, wanted.getModel(),
                    answered == null ? until : answered);
        } catch (PermanentSystemFailure e) {
            retire(system, config, current, "renewal refused: " + e.getMessage());
            create(system, config, wanted);
        } catch (SystemFailure e) {
            store.checked(current.id(), "renewal failed: " + e.getMessage());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void create(String system, WebhookSubscriptions config, Subscription wanted) {
        String base = publicUrl.get();
        if (base == null) {
            log.warn("Cannot subscribe to {} {} webhooks: the hub's public URL is not known (set hub.webhooks.public-url); "
                    + "the incremental poll carries the changes meanwhile", system, wanted.getModel());
            return;
        }
        String ref = HexFormat.of().formatHex(randomBytes());
        String url = base + "/webhooks/" + system + "/" + ref;
        long id = store.insertCreating(system, wanted.getModel(), ref, String.join(",", wanted.getEvents()), wanted.getFields(), url);
        OffsetDateTime until = SubscriptionStore.now().plus(config.getLifetime());
        try {
            JsonNode body = body(system, config, "create", url, wanted, until);
            SystemResponse created = client.send(system, method(config.getCreate()), path(config.getCreate(), null),
                    json.writeValueAsString(body), false);
            JsonNode answer = client.parse(system, created.body());
            String vendorId = answer.at(config.getResponseId()).asText(null);
            String secret = answer.at(config.getResponseSecret()).asText(null);
            String status = answer.at(config.getResponseStatus()).asText("");
            OffsetDateTime expires = time(answer.at(config.getResponseExpiresAt()));
            store.created(id, vendorId, secret, config.getActiveStatuses().contains(status), expires == null ? until : expires);
            log.info("Subscribed to {} {} webhooks (subscription {}, until {})", system, wanted.getModel(), vendorId,
                    expires == null ? until : expires);
        } catch (SystemFailure | com.fasterxml.jackson.core.JsonProcessingException | MappingLibrary.MappingFailure e) {
            store.status(id, SubscriptionStatus.FAILED, e.getMessage());
            log.warn("Could not subscribe to {} {} webhooks: {}", system, wanted.getModel(), e.getMessage());
        }
    }

    /** Stops using a subscription; deletes it at the system too when it can (best effort: it expires there anyway). */
    private void retire(String system, WebhookSubscriptions config, WebhookSubscription old, String reason) {
        store.status(old.id(), SubscriptionStatus.RETIRED, reason);
        log.info("Webhook subscription {} of {} {} retired: {}", old.vendorId(), system, old.model(), reason);
        if (config.getDelete() != null && old.vendorId() != null) {
            try {
                client.send(system, method(config.getDelete()), path(config.getDelete(), old.vendorId()), null, true);
            } catch (SystemFailure e) {
                log.debug("Retired subscription {} of {} not deleted there: {}", old.vendorId(), system, e.getMessage());
            }
        }
    }

    private JsonNode body(String system, WebhookSubscriptions config, String action, String url, Subscription wanted, OffsetDateTime until) {
        ObjectNode input = json.createObjectNode();
        input.put("action", action);
        input.put("url", url);
        input.put("model", wanted.getModel());
        wanted.getEvents().forEach(input.putArray("events")::add);
        input.put("fields", wanted.getFields());
        input.put("expiresAt", expiryText(until));
        return mappings.evaluate(system, config.getMapping(), input);
    }

    /**
     * An ISO 8601 date-time with seconds always written: OffsetDateTime's own text drops ":00" seconds, which Clio's
     * date-time format refuses (one subscription in sixty, at a full minute).
     */
    static String expiryText(OffsetDateTime until) {
        return java.time.format.DateTimeFormatter.ISO_INSTANT.format(until.withNano(0).toInstant());
    }

    private static OffsetDateTime time(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(node.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String method(String operation) {
        return operation.substring(0, operation.indexOf(' ')).trim().toUpperCase();
    }

    private static String path(String operation, String id) {
        String path = operation.substring(operation.indexOf(' ') + 1).trim();
        return id == null ? path : path.replace("{id}", id);
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return bytes;
    }
}
