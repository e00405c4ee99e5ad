package io.legalhub.contract;

import static io.legalhub.contract.Exchanges.exchange;
import static org.assertj.core.api.Assertions.assertThat;

import io.legalhub.contract.ContractResult.Outcome;
import io.legalhub.sandbox.SandboxSystem;
import org.junit.jupiter.api.Test;

/** Which spec checks which sandbox path, and that the specs are parsed once. */
class VendorSpecsTest {

    @Test
    void eachSpecIsParsedOncePerJvmAndShared() {
        VendorSpecs specs = Specs.specs();

        assertThat(VendorSpecs.in(specs.directory())).isSameAs(specs);
        assertThat(specs.load(VendorSpec.CLIO_MANAGE)).isSameAs(specs.load(VendorSpec.CLIO_MANAGE));
    }

    @Test
    void everySpecLoadsAndDeclaresTheServerBasePathItIsMountedBy() {
        VendorSpecs specs = Specs.specs();
        for (VendorSpec spec : VendorSpec.values()) {
            // LoadedSpec.load refuses a spec whose servers disagree with VendorSpec.serverBasePath
            assertThat(specs.load(spec).api().getPaths()).as(spec.file()).isNotEmpty();
        }
    }

    @Test
    void theSandboxMountIsStrippedOnWholeSegmentsOnly() {
        assertThat(VendorSpec.CLIO_MANAGE.specPath("/api/v4/matters.json")).isEqualTo("/matters.json");
        assertThat(VendorSpec.CLIO_MANAGE.specPath("/api/v4x/matters.json")).isNull();
        assertThat(VendorSpec.RELATIVITY_WORKSPACE_SERVICE.specPath("/api/workspace-service/v1/workspace-job"))
                .isEqualTo("/v1/workspace-job");
        assertThat(VendorSpec.IMANAGE_WORK_FACADE.specPath("/automate/work/createWorkspace")).isEqualTo("/createWorkspace");
    }

    @Test
    void billingAndConflictsAreNeverCheckedBecauseTheyAreTheProjectsOwnDesign() {
        ContractCheck check = Specs.check();
        ContractResult billing = check.check(exchange(SandboxSystem.BILLING, "POST", "/api/v1/matters")
                .body("{'number':'2026-0012'}").answer(201, "{'id':'BM-1'}"));
        ContractResult conflicts = check.check(exchange(SandboxSystem.CONFLICTS, "GET", "/api/v1/searches?reference=x")
                .answer(200, "{'data':[]}"));

        assertThat(billing.outcome()).isEqualTo(Outcome.NOT_COVERED);
        assertThat(billing.note()).contains("own design");
        assertThat(billing.operation()).isEqualTo("POST /billing/api/v1/matters");
        assertThat(conflicts.outcome()).isEqualTo(Outcome.NOT_COVERED);
    }
}
