package io.legalhub.contract;

import org.junit.jupiter.api.Assumptions;

/** The vendor specs for the unit tests: skipped without them, unless HUB_IT_REQUIRED=true (then a failure). */
final class Specs {

    private Specs() {
    }

    static VendorSpecs specs() {
        return VendorSpecs.configured().orElseGet(() -> {
            Assumptions.abort("no vendor specs at -D" + SpecsDirectory.PROPERTY + " or <project>/../shared/specs");
            return null;
        });
    }

    static ContractCheck check() {
        return new ContractCheck(specs());
    }
}
