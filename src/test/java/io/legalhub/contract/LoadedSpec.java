package io.legalhub.contract;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.interaction.ApiOperationResolver;
import com.atlassian.oai.validator.model.ApiOperation;
import com.atlassian.oai.validator.model.ApiOperationMatch;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/** One vendor spec parsed (Swagger 2.0 is converted to OpenAPI 3), with its validator. Expensive: see {@link VendorSpecs}. */
final class LoadedSpec {

    private final VendorSpec spec;
    private final OpenAPI api;
    private final List<String> parserWarnings;
    private final OpenApiInteractionValidator validator;
    private final ApiOperationResolver operations;
    private final long loadMillis;

    private LoadedSpec(VendorSpec spec, OpenAPI api, List<String> parserWarnings, long loadMillis) {
        this.spec = spec;
        this.api = api;
        this.parserWarnings = parserWarnings;
        this.loadMillis = loadMillis;
        // Paths are matched below the spec's base path (VendorSpec strips the sandbox mount), so the servers'
        // hosts and regions (Clio's US/EU/CA/AU) play no part.
        this.validator = OpenApiInteractionValidator.createFor(api)
                .withBasePathOverride("/")
                .withLevelResolver(LevelResolver.create()
                        // By default the library injects additionalProperties: false into every schema with
                        // properties, which breaks allOf (Clio's Matter = allOf Matter_base + the nested objects:
                        // each branch refuses the other's properties) and would make the strict specs stricter than
                        // published. Off: an additionalProperties: false the spec itself declares still counts, and
                        // KnownProperties does the "only known properties" check where the dialect asks for it.
                        .withLevel(SchemaValidator.ADDITIONAL_PROPERTIES_KEY, ValidationReport.Level.IGNORE)
                        .build())
                .build();
        this.operations = new ApiOperationResolver(api, "/", false);
    }

    static LoadedSpec load(VendorSpec spec, Path dir) {
        long t0 = System.nanoTime();
        ParseOptions options = new ParseOptions();
        // $refs inlined, as the validator's own loader does: the validator does not follow a response that is a
        // $ref (the iManage facade's #/responses/..., converted to #/components/responses/...), and such a
        // response would otherwise be checked against nothing.
        options.setResolve(true);
        options.setResolveFully(true);
        options.setResolveCombinators(false);
        URI location = dir.resolve(spec.file()).toUri();
        SwaggerParseResult parsed = new OpenAPIParser().readLocation(location.toString(), null, options);
        if (parsed == null || parsed.getOpenAPI() == null) {
            throw new IllegalStateException("cannot parse " + location + ": " + (parsed == null ? "no result" : parsed.getMessages()));
        }
        // Not the validator's own loader: it refuses a spec with any parser message, and the vendors' files
        // have harmless ones (a repeated tag in Clio; repeated operationIds and schema names with a backtick,
        // Securable`1, in Relativity's). Its two clean-ups (byte patterns, oneOf/anyOf types) do not arise:
        // none of these files uses format byte, oneOf or anyOf.
        OpenAPI api = parsed.getOpenAPI();
        String declared = serverBasePath(api.getServers());
        if (!declared.equals(spec.serverBasePath())) {
            throw new IllegalStateException(spec.file() + " declares the server base path " + declared + ", not "
                    + spec.serverBasePath() + ": correct VendorSpec." + spec.name() + " and its sandbox mount");
        }
        if (spec.dialect() == SpecDialect.CLIO) {
            ClioRepeatableFilters.readAsRepeatable(api);
            ClioNoteSubject.readAsDescribed(api);
            ClioCustomFieldValueIds.readAsDocumented(api);
        }
        if (spec.dialect() == SpecDialect.KEPLER) {
            KeplerAnyValues.readAsAnyValue(api);
        }
        List<String> warnings = parsed.getMessages() == null ? List.of() : List.copyOf(parsed.getMessages());
        return new LoadedSpec(spec, api, warnings, (System.nanoTime() - t0) / 1_000_000);
    }

    private static String serverBasePath(List<Server> servers) {
        if (servers == null || servers.isEmpty() || servers.get(0).getUrl() == null) {
            return "/";
        }
        String url = servers.get(0).getUrl();
        String path = url.contains("://") ? URI.create(url).getPath() : url;
        return path == null || path.isEmpty() ? "/" : path;
    }

    VendorSpec spec() {
        return spec;
    }

    OpenAPI api() {
        return api;
    }

    OpenApiInteractionValidator validator() {
        return validator;
    }

    List<String> parserWarnings() {
        return parserWarnings;
    }

    long loadMillis() {
        return loadMillis;
    }

    /** The operation for a method on a path of this spec (e.g. {@code /matters/12.json}), if the spec has it. */
    Optional<ApiOperation> operation(String method, String specPath) {
        ApiOperationMatch match = operations.findApiOperation(specPath, Request.Method.valueOf(method));
        return match.isPathFound() && match.isOperationAllowed() ? Optional.of(match.getApiOperation()) : Optional.empty();
    }

    /** Whether the spec has the path with any method. */
    boolean hasPath(String specPath) {
        return operations.findApiOperation(specPath, Request.Method.GET).isPathFound();
    }
}
