package io.legalhub.contract;

import java.util.Iterator;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.media.Schema;

/**
 * Relativity's Kepler services bind a JSON body to the method's parameters by name: the body is an object with
 * one member per parameter. The generated specs show an operation with several body parameters that way
 * ({@code CreateAsync_RequestBody} = {@code {"request":…, "operationOptions":…}}), but one with a single body
 * parameter bare ({@code MatterRequest}), although Relativity wants it wrapped: its own test framework sends
 * {@code {"MatterRequest":{…}}} and {@code {"WorkspaceRequest":{…}}}. So for a bare DTO the wrapper is required,
 * and its content is what is validated against the DTO's schema.
 *
 * <p>The wrapper's name is taken to be the DTO's schema name (its {@code title}), which is right for
 * {@code MatterRequest} and {@code WorkspaceRequest}; for other DTOs (e.g. {@code QueryRequest},
 * {@code Production}) the .NET parameter name is not in the spec, so check Relativity's documentation. Kepler
 * matches the name without regard to case (the framework's {@code MatterRequest} binds the parameter
 * {@code matterRequest}), and so does this check.
 */
final class KeplerWrapper {

    private static final String ALREADY_WRAPPED = "_RequestBody";

    private KeplerWrapper() {
    }

    /** The wrapper name the operation's body needs, if its schema is a bare DTO. */
    static Optional<String> requiredFor(Schema<?> bodySchema) {
        if (bodySchema == null || bodySchema.getTitle() == null || bodySchema.getTitle().endsWith(ALREADY_WRAPPED)) {
            return Optional.empty();
        }
        return Optional.of(bodySchema.getTitle());
    }

    /** The wrapped content, or empty when {@code body} is not {@code {"<name>": …}} with that one member. */
    static Optional<JsonNode> unwrap(JsonNode body, String name) {
        if (body == null || !body.isObject() || body.size() != 1) {
            return Optional.empty();
        }
        Iterator<String> names = body.fieldNames();
        String only = names.next();
        return only.equalsIgnoreCase(name) ? Optional.of(body.get(only)) : Optional.empty();
    }
}
