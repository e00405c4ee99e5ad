package io.legalhub.contract;

import io.legalhub.sandbox.SandboxSystem;

/**
 * The vendor API descriptions the sandbox systems are checked against, and where each is mounted in the
 * sandbox: a sandbox path is {@code /<system prefix><spec's server base path><spec path>}, e.g.
 * {@code /matter-management} + {@code /api/v4} (Clio's {@code https://app.clio.com/api/v4}) + {@code /matters.json}.
 *
 * <p>Not listed: {@code relativity-identity.openapi.yml}, which is not valid OpenAPI (.NET type names as
 * {@code type}, query strings in path keys, colliding schema names) and must not be fed to a validator whole;
 * {@code netdocuments-powerplatform.swagger.json}, which no sandbox system speaks.
 */
public enum VendorSpec {

    CLIO_MANAGE("clio-manage-v4.openapi.json", SandboxSystem.MATTER_MANAGEMENT, "/api/v4", "/api/v4", SpecDialect.CLIO),

    RELATIVITY_ENVIRONMENT("relativity-environment.openapi.yml", SandboxSystem.EDISCOVERY,
            "/Relativity.REST/api", "/Relativity.REST/api", SpecDialect.KEPLER),
    RELATIVITY_OBJECT_MANAGER("relativity-object-manager.openapi.yml", SandboxSystem.EDISCOVERY,
            "/Relativity.REST/api", "/Relativity.REST/api", SpecDialect.KEPLER),
    RELATIVITY_PRODUCTIONS("relativity-productions.openapi.yml", SandboxSystem.EDISCOVERY,
            "/Relativity.REST/api", "/Relativity.REST/api", SpecDialect.KEPLER),
    RELATIVITY_ACCESS_CONTROL("relativity-permissions-access-control.openapi.yml", SandboxSystem.EDISCOVERY,
            "/Relativity.REST/api", "/Relativity.REST/api", SpecDialect.AS_PUBLISHED),
    /**
     * The spec declares no server at all (so {@code /}); its description gives the prefix
     * {@code https://<host>/api/workspace-service}, which is where the sandbox mounts it.
     */
    RELATIVITY_WORKSPACE_SERVICE("relativity-workspace-service.openapi.yml", SandboxSystem.EDISCOVERY,
            "/", "/api/workspace-service", SpecDialect.AS_PUBLISHED),

    /** Swagger 2.0, {@code basePath: /automate/work} on {@code cloudimanage.com}. */
    IMANAGE_WORK_FACADE("imanage-work-powerplatform.swagger.json", SandboxSystem.DMS,
            "/automate/work", "/automate/work", SpecDialect.AS_PUBLISHED);

    private final String file;
    private final SandboxSystem system;
    private final String serverBasePath;
    private final String sandboxBasePath;
    private final SpecDialect dialect;

    VendorSpec(String file, SandboxSystem system, String serverBasePath, String sandboxBasePath, SpecDialect dialect) {
        this.file = file;
        this.system = system;
        this.serverBasePath = serverBasePath;
        this.sandboxBasePath = sandboxBasePath;
        this.dialect = dialect;
    }

    /** The file name in the specs directory. */
    public String file() {
        return file;
    }

    /** The name reports use, e.g. {@code clio-manage-v4}. */
    public String label() {
        return file.substring(0, file.indexOf('.'));
    }

    public SandboxSystem system() {
        return system;
    }

    /** The path of the spec's (first) server URL, as the spec states it; checked when the spec is loaded. */
    public String serverBasePath() {
        return serverBasePath;
    }

    /** Where the spec's paths start below the system prefix in the sandbox. */
    public String sandboxBasePath() {
        return sandboxBasePath;
    }

    SpecDialect dialect() {
        return dialect;
    }

    /**
     * The spec's path for a sandbox path below the system prefix, or {@code null} when the path is not under
     * this spec's mount (a whole-segment prefix: {@code /api/v4x} is not under {@code /api/v4}).
     */
    String specPath(String pathBelowSystem) {
        if (sandboxBasePath.equals("/")) {
            return pathBelowSystem;
        }
        if (pathBelowSystem.equals(sandboxBasePath)) {
            return "/";
        }
        return pathBelowSystem.startsWith(sandboxBasePath + "/") ? pathBelowSystem.substring(sandboxBasePath.length()) : null;
    }
}
