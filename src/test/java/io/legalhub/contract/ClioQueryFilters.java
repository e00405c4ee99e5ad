package io.legalhub.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;

/**
 * Two kinds of Clio list filter whose enum is not meant literally, checked here and left out of what the
 * validator sees (which would refuse every real value):
 * <ul>
 *   <li>comma-separated lists: {@code status} declares {@code open|closed|pending}, and its description says
 *       "It accepts comma-separated statuses, e.g. {@code open,pending}": each piece must be in the enum;</li>
 *   <li>date templates: {@code open_date[]}, {@code close_date[]} and {@code pending_date[]} declare the enum
 *       {@code >DATE, >=DATE, =DATE, <=DATE, <DATE}, with {@code DATE} standing for {@code YYYY-MM-DD}
 *       ("e.g. {@code ?close_date=<=2021-12-31}").</li>
 * </ul>
 */
final class ClioQueryFilters {

    private static final String DATE = "DATE";
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private ClioQueryFilters() {
    }

    /** Whether the operation's query parameter (by its declared name) is one of these filters. */
    static boolean appliesTo(Operation operation, String name) {
        Parameter p = parameter(operation, name);
        return p != null && (commaSeparated(p) || dateTemplate(p));
    }

    /** What is wrong with {@code value}, as violations. */
    static List<Violation> problemsIn(Operation operation, String name, String value, String method, String path) {
        Parameter parameter = parameter(operation, name);
        List<?> allowed = allowed(parameter);
        List<Violation> found = new ArrayList<>();
        if (dateTemplate(parameter)) {
            boolean fits = false;
            for (Object template : allowed) {
                String operator = String.valueOf(template).substring(0, String.valueOf(template).length() - DATE.length());
                fits |= value.startsWith(operator) && ISO_DATE.matcher(value.substring(operator.length())).matches();
            }
            if (!fits) {
                found.add(new Violation(method, path, "request", "query " + name, "'" + value + "' is not one of "
                        + allowed + " with DATE a YYYY-MM-DD date"));
            }
            return found;
        }
        for (String piece : value.split(",", -1)) {
            if (allowed.stream().noneMatch(a -> String.valueOf(a).equals(piece.trim()))) {
                found.add(new Violation(method, path, "request", "query " + name,
                        "'" + piece + "' is not one of " + allowed + " (comma-separated values allowed)"));
            }
        }
        return found;
    }

    /** The query without the parameters checked here. */
    static List<Map.Entry<String, String>> rest(Operation operation, List<Map.Entry<String, String>> query) {
        return query.stream().filter(pair -> !appliesTo(operation, pair.getKey())).toList();
    }

    private static boolean commaSeparated(Parameter p) {
        return p.getDescription() != null && p.getDescription().toLowerCase(Locale.ROOT).contains("comma-separated");
    }

    private static boolean dateTemplate(Parameter p) {
        List<?> values = allowed(p);
        for (Object value : values) {
            String v = String.valueOf(value);
            if (!v.endsWith(DATE) || v.length() == DATE.length()) {
                return false;
            }
        }
        return true;
    }

    private static Parameter parameter(Operation operation, String name) {
        if (operation.getParameters() == null) {
            return null;
        }
        for (Parameter p : operation.getParameters()) {
            if ("query".equals(p.getIn()) && name.equals(p.getName()) && !allowed(p).isEmpty()) {
                return p;
            }
        }
        return null;
    }

    /** The enum of the value; of each value where the filter repeats (see {@link ClioRepeatableFilters}). */
    private static List<?> allowed(Parameter p) {
        Schema<?> schema = p.getSchema() == null ? null : p.getSchema().getItems() != null ? p.getSchema().getItems() : p.getSchema();
        return schema == null || schema.getEnum() == null ? List.of() : schema.getEnum();
    }
}
