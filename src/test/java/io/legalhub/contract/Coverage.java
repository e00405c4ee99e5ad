package io.legalhub.contract;

import com.atlassian.oai.validator.model.ApiOperation;

/** Whether a vendor spec describes an exchange, and which operation. */
sealed interface Coverage {

    /** {@code specPath}: the exchange's path as the spec sees it, e.g. {@code /matters/12.json}. */
    record Covered(LoadedSpec spec, String specPath, ApiOperation operation) implements Coverage {
    }

    /** Declared in {@link ContractCoverage} as beyond any spec here (billing, the Work API feed, …). */
    record NotCovered(String reason) implements Coverage {
    }

    /** The vendor describes it in prose only (Clio's webhook activation). */
    record CoveredByText(String reason) implements Coverage {
    }

    /** Mounted under a vendor's spec (or under none) but no operation of the spec matches: a violation. */
    record NoSuchOperation(String message) implements Coverage {
    }
}
