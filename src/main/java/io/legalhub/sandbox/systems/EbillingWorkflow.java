package io.legalhub.sandbox.systems;

import io.legalhub.sandbox.http.ApiException;

import java.util.List;
import java.util.Map;

/**
 * The review workflow of an invoice on the e-billing platform (the sandbox's own design, modelled on Legal Tracker,
 * CounselLink and T360):
 * <pre>
 *   upload ─▶ submitted ──reviewer──▶ approved ──reviewer──▶ paid
 *                 │  ▲
 *          reviewer  law firm resubmits (PUT)
 *                 ▼  │
 *              rejected
 * </pre>
 * Reviewers decide (approve, reject with a reason, mark paid) in the platform's UI, which the sandbox offers as a
 * control endpoint; the law firm (the hub) only uploads and resubmits. A submitted invoice may also be replaced by a
 * resubmission before anyone has decided. Internal.
 */
final class EbillingWorkflow {

    static final String SUBMITTED = "submitted";
    static final String APPROVED = "approved";
    static final String REJECTED = "rejected";
    static final String PAID = "paid";

    static final List<String> STATUSES = List.of(SUBMITTED, APPROVED, REJECTED, PAID);
    static final List<String> DECISIONS = List.of(APPROVED, REJECTED, PAID);

    private static final Map<String, List<String>> DECISIONS_FROM = Map.of(
            SUBMITTED, List.of(APPROVED, REJECTED),
            APPROVED, List.of(PAID),
            REJECTED, List.of(),
            PAID, List.of());

    private EbillingWorkflow() {
    }

    /** Statuses in which an invoice is still open for the law firm: a second upload of it is refused. */
    static boolean awaitsTheLawFirmOrReview(String status) {
        return status.equals(SUBMITTED) || status.equals(REJECTED);
    }

    /** 409 unless a reviewer may move an invoice from {@code from} to {@code decision}. */
    static void checkDecision(String id, String from, String decision) {
        if (DECISIONS_FROM.getOrDefault(from, List.of()).contains(decision)) {
            return;
        }
        // decisions are approved, rejected and paid, so from submitted only paid is refused
        String why = switch (from) {
            case SUBMITTED -> "only an approved invoice can be paid";
            case APPROVED -> "an approved invoice can only be marked paid";
            case REJECTED -> "a rejected invoice waits for the law firm's resubmission";
            default -> "paid is final";
        };
        throw conflict("invoice " + id + " is " + from + " and cannot become " + decision + ": " + why, from);
    }

    /** 409 unless the law firm may resubmit an invoice in status {@code from}. */
    static void checkResubmission(String id, String from) {
        if (from.equals(SUBMITTED) || from.equals(REJECTED)) {
            return;
        }
        throw conflict("invoice " + id + " is " + from + " and cannot be resubmitted: once approved, an invoice is"
                + " corrected by a credit note or a new invoice", from);
    }

    private static ApiException conflict(String message, String status) {
        return ApiException.conflict(message).detail("status", status);
    }
}
