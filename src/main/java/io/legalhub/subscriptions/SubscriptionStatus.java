package io.legalhub.subscriptions;

/** Where a webhook subscription is in its life. */
public enum SubscriptionStatus {
    /** Asked for; the system's answer is not recorded yet. */
    CREATING,
    /** The system has it, but the handshake has not confirmed it: no webhooks yet. */
    PENDING,
    /** Confirmed and unexpired: webhooks arrive. */
    ACTIVE,
    /** Replaced, expired, disabled by the system, or deleted there: a newer one takes over. */
    RETIRED,
    /** Could not be created or confirmed. */
    FAILED;

    public String id() {
        return name().toLowerCase();
    }

    static SubscriptionStatus of(String id) {
        return valueOf(id.toUpperCase());
    }
}
