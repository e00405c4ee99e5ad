package io.legalhub.contract;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;

/**
 * {@code POST /notes.json} marks {@code contact}, {@code matter} and {@code type} all required, while the
 * properties' own descriptions say {@code matter} is needed for a Matter note and {@code contact} for a Contact
 * note. Read as described: the schema requires only {@code type}, and this check requires the subject the type
 * names.
 */
final class ClioNoteSubject {

    static final String PATH = "/notes.json";

    private ClioNoteSubject() {
    }

    /** Leaves {@code type} the only required property of the note create body. */
    static void readAsDescribed(OpenAPI api) {
        PathItem notes = api.getPaths() == null ? null : api.getPaths().get(PATH);
        Operation create = notes == null ? null : notes.getPost();
        if (create == null || create.getRequestBody() == null || create.getRequestBody().getContent() == null) {
            return;
        }
        create.getRequestBody().getContent().values().forEach(media -> {
            Schema<?> body = media.getSchema();
            Schema<?> data = body == null || body.getProperties() == null ? null : (Schema<?>) body.getProperties().get("data");
            if (data != null && data.getRequired() != null) {
                data.setRequired(new ArrayList<>(data.getRequired().stream().filter(name -> !name.equals("contact")
                        && !name.equals("matter")).toList()));
            }
        });
    }

    static boolean appliesTo(String method, String specPath) {
        return method.equals("POST") && specPath.equals(PATH);
    }

    /** A Matter note needs {@code matter}, a Contact note {@code contact}. */
    static List<Violation> problemsIn(JsonNode body, String method, String path) {
        JsonNode data = body.path("data");
        String type = data.path("type").asText("");
        String subject = type.equals("Matter") ? "matter" : type.equals("Contact") ? "contact" : null;
        if (subject == null || data.hasNonNull(subject)) {
            return List.of();
        }
        return List.of(new Violation(method, path, "request body", "/data",
                "a " + type + " note needs '" + subject + "' (the note's subject)"));
    }
}
