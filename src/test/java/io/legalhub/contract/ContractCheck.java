package io.legalhub.contract;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.legalhub.contract.ContractResult.Outcome;
import io.legalhub.sandbox.TappedExchange;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * Checks one recorded sandbox exchange, request and answer, against the vendor spec that describes it, with
 * the caveats of {@link SpecDialect} applied. Each violation is put in plain words: method, path, what part,
 * the JSON pointer and what the spec says.
 */
public final class ContractCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final VendorSpecs specs;
    private final Map<VendorSpec, KnownProperties> knownProperties = new ConcurrentHashMap<>();

    public ContractCheck(VendorSpecs specs) {
        this.specs = specs;
    }

    public ContractResult check(TappedExchange exchange) {
        try {
            Coverage coverage = specs.coverageOf(exchange);
            if (coverage instanceof Coverage.Covered covered) {
                return validate(exchange, covered);
            }
            String label = OperationLabel.of(exchange);
            if (coverage instanceof Coverage.NotCovered n) {
                return result(exchange, label, Outcome.NOT_COVERED, n.reason(), List.of());
            }
            if (coverage instanceof Coverage.CoveredByText t) {
                return result(exchange, label, Outcome.COVERED_BY_TEXT, t.reason(), List.of());
            }
            Coverage.NoSuchOperation missing = (Coverage.NoSuchOperation) coverage;
            return result(exchange, label, Outcome.FAILED, null,
                    List.of(new Violation(exchange.method(), exchange.rawPath(), "operation", "", missing.message())));
        } catch (RuntimeException e) {
            // A check that cannot run must not pass: it is reported as the exchange's violation.
            return result(exchange, OperationLabel.of(exchange), Outcome.FAILED, null, List.of(new Violation(exchange.method(),
                    exchange.rawPath(), "check", "", "the contract check itself failed: " + e)));
        }
    }

    private ContractResult validate(TappedExchange exchange, Coverage.Covered covered) {
        LoadedSpec spec = covered.spec();
        Operation operation = covered.operation().getOperation();
        String label = exchange.method() + " " + covered.operation().getApiPath().original() + " (" + spec.spec().label() + ")";
        List<Violation> violations = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        violations.addAll(checkRequest(exchange, covered, operation));
        violations.addAll(checkAnswer(exchange, covered, operation, notes));
        return result(exchange, label, violations.isEmpty() ? Outcome.VALID : Outcome.FAILED,
                notes.isEmpty() ? null : String.join("; ", notes), violations);
    }

    // ------------------------------------------------------------------------------------------ request

    private List<Violation> checkRequest(TappedExchange exchange, Coverage.Covered covered, Operation operation) {
        LoadedSpec spec = covered.spec();
        List<Violation> violations = new ArrayList<>();
        SimpleRequest.Builder request = new SimpleRequest.Builder(exchange.method(), covered.specPath());
        exchange.requestHeaders().forEach(request::withHeader);
        group(checkedQuery(exchange, covered, violations)).forEach(request::withQueryParam);
        List<Violation> bodyViolations = new ArrayList<>();
        Body body = checkedBody(exchange, spec, covered.specPath(), operation, bodyViolations);
        if (body.text() != null) {
            request.withBody(body.text());
        }
        bodyViolations.addAll(violations(spec.validator().validateRequest(request.build()), exchange.method(), exchange.rawPath()));
        violations.addAll(body.wrappedAt().isEmpty() ? bodyViolations : insideWrapper(bodyViolations, body.wrappedAt()));
        return violations;
    }

    /** The request body to validate, and where it was inside a Kepler wrapper ({@code ""}: not wrapped). */
    private record Body(String text, String wrappedAt) {
    }

    /** Applies the dialect to the request body: the Kepler wrapper, only known properties, null as absent. */
    private Body checkedBody(TappedExchange exchange, LoadedSpec spec, String specPath, Operation operation,
                             List<Violation> violations) {
        SpecDialect dialect = spec.spec().dialect();
        String method = exchange.method();
        String path = exchange.rawPath();
        String text = exchange.requestBody().length == 0 ? null : exchange.requestText();
        Schema<?> schema = operation.getRequestBody() == null ? null
                : schemaFor(operation.getRequestBody().getContent(), exchange.requestHeader("Content-Type"));
        JsonNode json = text == null || schema == null ? null : parsedOrNull(text);
        if (json == null) {
            return new Body(text, "");
        }
        String wrappedAt = "";
        Optional<String> wrapper = dialect.wrapsBodyByParameterName ? KeplerWrapper.requiredFor(schema) : Optional.empty();
        if (wrapper.isPresent()) {
            Optional<JsonNode> content = KeplerWrapper.unwrap(json, wrapper.get());
            if (content.isPresent()) {
                json = content.get();
                wrappedAt = "/" + wrapper.get();
            } else {
                violations.add(new Violation(method, path, "request body", "", "Kepler binds the body by parameter name:"
                        + " expected {\"" + wrapper.get() + "\": {…}}, got " + shape(json)));
            }
        }
        if (dialect == SpecDialect.CLIO && ClioNoteSubject.appliesTo(method, specPath)) {
            violations.addAll(ClioNoteSubject.problemsIn(json, method, path));
        }
        if (dialect.onlyKnownProperties) {
            violations.addAll(known(spec).unknownIn(json, schema, Set.of(), method, path, "request body"));
        }
        if (dialect.nullMeansAbsent) {
            json = JsonNulls.withoutNullProperties(json);
        }
        return new Body(text(json), wrappedAt);
    }

    /** The query parameters to validate, after the checks the library cannot make (unknown names, Clio's filters). */
    private static List<Map.Entry<String, String>> checkedQuery(TappedExchange exchange, Coverage.Covered covered,
                                                                List<Violation> violations) {
        String method = exchange.method();
        String path = exchange.rawPath();
        Operation operation = covered.operation().getOperation();
        List<Map.Entry<String, String>> query = query(exchange.rawQuery());
        violations.addAll(UnknownQueryParameters.in(covered.operation(), query, method, path));
        query = UnknownQueryParameters.declaredOnly(covered.operation(), query);
        if (covered.spec().spec().dialect() == SpecDialect.CLIO) {
            for (Map.Entry<String, String> pair : query) {
                if (ClioQueryFilters.appliesTo(operation, pair.getKey())) {
                    violations.addAll(ClioQueryFilters.problemsIn(operation, pair.getKey(), pair.getValue(), method, path));
                }
            }
            query = ClioQueryFilters.rest(operation, query);
        }
        return query;
    }

    /** The body was validated without its Kepler wrapper: its pointers are put back inside it. */
    private static List<Violation> insideWrapper(List<Violation> violations, String wrappedAt) {
        return violations.stream().map(v -> v.part().equals("request body")
                ? new Violation(v.method(), v.path(), v.part(), wrappedAt + (v.pointer().equals("/") ? "" : v.pointer()), v.message()) : v).toList();
    }

    // ------------------------------------------------------------------------------------------ answer

    private List<Violation> checkAnswer(TappedExchange exchange, Coverage.Covered covered, Operation operation,
                                        List<String> notes) {
        int status = exchange.status();
        if (status < 200 || status > 299) {
            notes.add("answer " + status + " not checked (of an error answer the hub reads only the status and a reason)");
            return List.of();
        }
        LoadedSpec spec = covered.spec();
        SpecDialect dialect = spec.spec().dialect();
        String method = exchange.method();
        String path = exchange.rawPath();
        ApiResponse declared = declaredAnswer(operation, status);
        String contentType = exchange.responseHeader("Content-Type");
        Schema<?> schema = declared == null ? null : schemaFor(declared.getContent(), contentType);
        List<Violation> violations = new ArrayList<>();
        String body = exchange.responseBody().length == 0 ? null : exchange.responseText();
        if (declared != null && schema == null && body != null) {
            // Most of Relativity's Kepler reads give no answer schema at all: nothing to check it against.
            notes.add("answer " + status + " not described by the spec");
            body = null;
        }
        JsonNode json = body == null || schema == null ? null : parsedOrNull(body);
        if (json != null) {
            Set<String> alsoAllowed = Set.of();
            if (dialect.listAnswersCarryMeta && ClioListMeta.isListAnswer(json)) {
                alsoAllowed = Set.of(ClioListMeta.META);
                violations.addAll(ClioListMeta.problemsIn(json, method, path));
            }
            if (dialect.onlyKnownProperties) {
                violations.addAll(known(spec).unknownIn(json, schema, alsoAllowed, method, path, "answer body"));
            }
            if (dialect.nullMeansAbsent) {
                json = JsonNulls.withoutNullProperties(json);
            }
            body = text(json);
        }
        SimpleResponse.Builder answer = new SimpleResponse.Builder(status);
        exchange.responseHeaders().forEach(answer::withHeader);
        if (body != null) {
            answer.withBody(body);
        }
        violations.addAll(violations(spec.validator().validateResponse(covered.specPath(),
                Request.Method.valueOf(method), answer.build()), method, path));
        return violations;
    }

    private static ApiResponse declaredAnswer(Operation operation, int status) {
        if (operation.getResponses() == null) {
            return null;
        }
        ApiResponse exact = operation.getResponses().get(String.valueOf(status));
        if (exact != null) {
            return exact;
        }
        ApiResponse range = operation.getResponses().get(status / 100 + "XX");
        return range != null ? range : operation.getResponses().get("default");
    }

    // ------------------------------------------------------------------------------------------ helpers

    private KnownProperties known(LoadedSpec spec) {
        return knownProperties.computeIfAbsent(spec.spec(), s -> new KnownProperties(spec.api()));
    }

    /** The schema for the media type sent, else for the spec's JSON media type. */
    private static Schema<?> schemaFor(Content content, String contentType) {
        if (content == null || content.isEmpty()) {
            return null;
        }
        String sent = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        for (Map.Entry<String, MediaType> media : content.entrySet()) {
            if (media.getKey().split(";")[0].trim().equalsIgnoreCase(sent) && media.getValue().getSchema() != null) {
                return media.getValue().getSchema();
            }
        }
        for (Map.Entry<String, MediaType> media : content.entrySet()) {
            if (media.getKey().toLowerCase(Locale.ROOT).contains("json") && media.getValue().getSchema() != null) {
                return media.getValue().getSchema();
            }
        }
        return null;
    }

    /** Unparsable JSON is left to the validator, which reports it. */
    private static JsonNode parsedOrNull(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String text(JsonNode json) {
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String shape(JsonNode json) {
        if (!json.isObject()) {
            return "a JSON " + json.getNodeType().name().toLowerCase(Locale.ROOT);
        }
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names.isEmpty() ? "an empty object" : "an object with " + String.join(", ", names.subList(0, Math.min(6, names.size())))
                + (names.size() > 6 ? ", …" : "");
    }

    private static List<Map.Entry<String, String>> query(String raw) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            return pairs;
        }
        for (String part : raw.split("&")) {
            if (!part.isEmpty()) {
                int eq = part.indexOf('=');
                pairs.add(Map.entry(URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(eq < 0 ? "" : part.substring(eq + 1), StandardCharsets.UTF_8)));
            }
        }
        return pairs;
    }

    private static Map<String, List<String>> group(List<Map.Entry<String, String>> pairs) {
        Map<String, List<String>> grouped = new LinkedHashMap<>();
        pairs.forEach(pair -> grouped.computeIfAbsent(pair.getKey(), k -> new ArrayList<>()).add(pair.getValue()));
        return grouped;
    }

    private static List<Violation> violations(ValidationReport report, String method, String path) {
        List<Violation> found = new ArrayList<>();
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() == ValidationReport.Level.ERROR) {
                found.addAll(leaves(message, method, path));
            }
        }
        return found;
    }

    /**
     * An allOf failure ("Instance failed to match all required schemas") nests the real problems, each with its
     * own pointer: those are the violations.
     */
    private static List<Violation> leaves(ValidationReport.Message message, String method, String path) {
        if (message.getNestedMessages().isEmpty()) {
            return List.of(violation(message, method, path));
        }
        List<Violation> found = new ArrayList<>();
        message.getNestedMessages().forEach(nested -> found.addAll(leaves(nested, method, path)));
        return found;
    }

    private static Violation violation(ValidationReport.Message message, String method, String path) {
        String key = message.getKey();
        String part = key.startsWith("validation.request.body") ? "request body"
                : key.startsWith("validation.request") ? "request"
                : key.startsWith("validation.response.body") ? "answer body"
                : key.startsWith("validation.response") ? "answer" : "exchange";
        String pointer = message.getContext().flatMap(c -> c.getPointers()).map(p -> p.getInstance())
                .filter(p -> !part.equals("request") || !p.equals("/"))
                .or(() -> message.getContext().flatMap(c -> c.getParameter()).map(p -> p.getIn() + " " + p.getName()))
                .orElse("");
        return new Violation(method, path, part, pointer, message.getMessage().replaceFirst("^\\[Path '[^']*'] ", ""));
    }

    private static ContractResult result(TappedExchange exchange, String operation, Outcome outcome, String note,
                                         List<Violation> violations) {
        return new ContractResult(exchange, operation, outcome, note, violations);
    }
}
