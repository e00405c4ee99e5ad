package io.legalhub.ledes;

import java.util.Optional;

/** E-billing status of an invoice: submitted → approved / rejected (with a reason) / appealed → paid. */
public enum InvoiceStatus {
    DRAFT("draft"),
    SUBMITTED("submitted"),
    APPROVED("approved"),
    REJECTED("rejected"),
    PAID("paid"),
    APPEALED("appealed");

    private final String canonicalName;

    InvoiceStatus(String canonicalName) {
        this.canonicalName = canonicalName;
    }

    public String canonicalName() {
        return canonicalName;
    }

    public static Optional<InvoiceStatus> fromCanonicalName(String name) {
        for (InvoiceStatus status : values()) {
            if (status.canonicalName.equals(name)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
