package io.legalhub.subscriptions;

import java.time.OffsetDateTime;

/** One subscription the hub asked a system for. The secret is kept for signature checks and never shown. */
public record WebhookSubscription(long id, String system, String model, String ref, String vendorId, String secret,
                                  SubscriptionStatus status, String events, String fields, String url, OffsetDateTime expiresAt,
                                  OffsetDateTime createdAt, OffsetDateTime renewedAt, OffsetDateTime handshakeAt,
                                  OffsetDateTime lastDeliveryAt, OffsetDateTime lastCheckedAt, long deliveries, String lastError) {

    boolean expiredAt(OffsetDateTime now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }
}
