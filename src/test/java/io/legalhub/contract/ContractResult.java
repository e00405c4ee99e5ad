package io.legalhub.contract;

import java.util.List;

import io.legalhub.sandbox.TappedExchange;

/**
 * What checking one exchange found.
 *
 * @param operation  the operation as the report groups it, e.g. {@code POST /matters.json (clio-manage-v4)}
 * @param outcome    see {@link Outcome}
 * @param note       why it was not covered, or what was not checked (e.g. an answer the spec does not describe)
 * @param violations empty unless {@link Outcome#FAILED}
 */
public record ContractResult(TappedExchange exchange, String operation, Outcome outcome, String note,
                             List<Violation> violations) {

    public enum Outcome {
        /** Request and (where the spec describes it) answer agree with the spec. */
        VALID,
        /** At least one violation. */
        FAILED,
        /** No spec here can check it, for the reason in the note: reported, never counted as valid. */
        NOT_COVERED,
        /** The vendor describes the operation only in prose: reported, not validated. */
        COVERED_BY_TEXT
    }

    public ContractResult {
        violations = List.copyOf(violations);
    }

    public boolean failed() {
        return outcome == Outcome.FAILED;
    }
}
