package io.legalhub.contract;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.legalhub.sandbox.SandboxSystem;
import io.legalhub.sandbox.TappedExchange;

/**
 * Which sandbox systems the end-to-end tests hold to the vendors' specs, and the exchanges no spec can check.
 */
public final class ContractCoverage {

    /**
     * The systems whose recorded exchanges fail an end-to-end test class when they break the vendor's spec.
     * The others are still checked and reported ({@code target/contract-reports/}), but do not fail.
     *
     * <p>Matter management (Clio Manage v4), e-discovery (Relativity) and the DMS (the iManage Work facade); billing,
     * e-billing and conflicts have no vendor spec.
     */
    public static final Set<SandboxSystem> ENFORCED_SYSTEMS = Set.copyOf(EnumSet.of(SandboxSystem.MATTER_MANAGEMENT, SandboxSystem.DMS, SandboxSystem.EDISCOVERY));

    private static final String ANY_METHOD = null;

    /** Exchanges that no vendor spec can check, each with the reason; never counted as valid. */
    private static final List<Uncovered> UNCOVERED = List.of(
            new Uncovered(SandboxSystem.BILLING, ANY_METHOD, ".*",
                    "billing is the project's own design (modelled on no vendor spec): never checked"),
            new Uncovered(SandboxSystem.CONFLICTS, ANY_METHOD, ".*",
                    "conflicts is the project's own design (modelled on no vendor spec): never checked"),
            new Uncovered(SandboxSystem.DMS, ANY_METHOD, "/work/api/v2/customers/[^/]+/libraries/[^/]+/documents(/.*)?",
                    "iManage Work API v2 document feed: the Work API's own spec could not be obtained,"
                            + " and the Power Platform facade has no such feed"),
            new Uncovered(SandboxSystem.EDISCOVERY, ANY_METHOD, "/Relativity\\.REST/api/Relativity-Identity/.*",
                    "relativity-identity.openapi.yml is not valid OpenAPI (.NET type names, query strings in"
                            + " path keys, colliding schema names): not fed to the validator"));

    /** Operations the vendor documents only in prose; the exchange is reported, not validated. */
    private static final List<Uncovered> COVERED_BY_TEXT = List.of(
            new Uncovered(SandboxSystem.MATTER_MANAGEMENT, "PUT", "/api/v4/webhooks/[^/]+/activate(\\.json)?",
                    "Clio documents PUT /webhooks/{id}/activate (the X-Hook-Secret handshake) only in"
                            + " #/tags/70/description; it is not a path of the spec"),
            // The token endpoints are OAuth 2 (RFC 6749 §4.4, §6: a form post answered with a token response), which
            // Spring Security's client speaks; no API spec here describes them as paths.
            new Uncovered(SandboxSystem.MATTER_MANAGEMENT, "POST", "/oauth/token",
                    "Clio's token endpoint is in its OAuth guide (developers.clio.com), not a path of the API spec"),
            new Uncovered(SandboxSystem.DMS, "POST", "/automate/work/auth/token",
                    "the iManage facade names its token endpoint only as securityDefinitions/oauth2_auth/tokenUrl"),
            new Uncovered(SandboxSystem.EDISCOVERY, "POST", "/Relativity/Identity/connect/token",
                    "Relativity's token endpoint (OAuth2 client credentials) is in its authentication guide, not in"
                            + " these specs"));

    private ContractCoverage() {
    }

    /** Why no spec checks this exchange, when it is one of the declared ones. */
    static Optional<String> uncovered(TappedExchange exchange) {
        return reason(UNCOVERED, exchange);
    }

    /** Where the vendor describes this exchange in prose only, when it is one of those. */
    static Optional<String> coveredByText(TappedExchange exchange) {
        return reason(COVERED_BY_TEXT, exchange);
    }

    private static Optional<String> reason(List<Uncovered> list, TappedExchange exchange) {
        return list.stream().filter(u -> u.system == exchange.system()
                        && (u.method == null || u.method.equals(exchange.method())) && u.path.matcher(exchange.path()).matches())
                .map(u -> u.reason).findFirst();
    }

    /** {@code method} {@code null}: any; {@code path} matches the whole path below the system prefix. */
    private record Uncovered(SandboxSystem system, String method, Pattern path, String reason) {
        Uncovered(SandboxSystem system, String method, String path, String reason) {
            this(system, method, Pattern.compile(path), reason);
        }
    }
}
