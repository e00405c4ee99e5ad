package io.legalhub.contract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.atlassian.oai.validator.model.ApiOperation;
import io.swagger.v3.oas.models.parameters.Parameter;

/**
 * Query parameters the operation does not declare. The vendor ignores a filter it does not have (e.g. Clio's
 * matters by {@code display_number}), so a lookup by it answers the wrong records: a violation.
 *
 * <p>Done here, not by the library: its check is off by default and, whatever its level, it reads each declared
 * name as a regular expression, which throws on Clio's names with brackets ({@code open_date[]}). So only the
 * declared parameters are handed to the library. Clio's descriptions use such a filter with and without the
 * brackets ({@code ?close_date==2020-01-01}, and {@code close_date[]} for several values): both are accepted.
 */
final class UnknownQueryParameters {

    private static final int NAMES_SHOWN = 12;

    private UnknownQueryParameters() {
    }

    static List<Violation> in(ApiOperation operation, List<Map.Entry<String, String>> query, String method, String path) {
        Set<String> declared = declared(operation);
        Set<String> sent = new LinkedHashSet<>();
        query.forEach(pair -> sent.add(pair.getKey()));
        List<Violation> found = new ArrayList<>();
        for (String name : sent) {
            if (declaredName(declared, name).isEmpty()) {
                found.add(new Violation(method, path, "request", "query " + name, "query parameter '" + name
                        + "' is not one of the operation's (" + (declared.isEmpty() ? "it has none" : shown(declared)) + ")"));
            }
        }
        return found;
    }

    /** The declared parameters only, each under the name the spec gives it. */
    static List<Map.Entry<String, String>> declaredOnly(ApiOperation operation, List<Map.Entry<String, String>> query) {
        Set<String> declared = declared(operation);
        List<Map.Entry<String, String>> kept = new ArrayList<>();
        for (Map.Entry<String, String> pair : query) {
            declaredName(declared, pair.getKey()).ifPresent(name -> kept.add(Map.entry(name, pair.getValue())));
        }
        return kept;
    }

    private static Optional<String> declaredName(Set<String> declared, String name) {
        if (declared.contains(name)) {
            return Optional.of(name);
        }
        return declared.contains(name + "[]") ? Optional.of(name + "[]") : Optional.empty();
    }

    private static Set<String> declared(ApiOperation operation) {
        Set<String> names = new TreeSet<>();
        List<Parameter> parameters = operation.getOperation().getParameters();
        if (parameters != null) {
            parameters.stream().filter(p -> "query".equals(p.getIn())).map(Parameter::getName).forEach(names::add);
        }
        return names;
    }

    private static String shown(Set<String> names) {
        List<String> all = new ArrayList<>(names);
        return all.size() <= NAMES_SHOWN ? String.join(", ", all)
                : String.join(", ", all.subList(0, NAMES_SHOWN)) + ", … " + (all.size() - NAMES_SHOWN) + " more";
    }
}
