package io.legalhub.ledes;

import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets a user check a LEDES 1998B file before sending it: POST the file as text/plain (or
 * application/octet-stream, as file uploads from scripts often are) and get every violation back.
 * An invalid file is still a 200: the check worked, and its answer is "not valid".
 */
@RestController
@RequestMapping("/api/ledes")
public class LedesValidationController {

    /** The response body. */
    public record ValidationResponse(boolean valid, int invoices, int lines, int errors, int warnings,
            List<LedesViolation> violations) {

        static ValidationResponse of(LedesReport report) {
            return new ValidationResponse(report.valid(), report.invoices().size(), report.lineItems(),
                    report.errorCount(), report.warningCount(), report.violations());
        }
    }

    private final LedesValidator validator;

    public LedesValidationController(LedesValidator validator) {
        this.validator = validator;
    }

    @PostMapping(path = "/validate",
            consumes = {MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> validate(@RequestBody(required = false) byte[] body) {
        // Bytes, not String: Spring would decode text/plain without a charset as ISO-8859-1.
        String text = body == null ? "" : LedesTextDecoder.decode(body);
        if (text.replace(String.valueOf(PhysicalLines.BOM), "").isBlank()) {
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(Map.of(
                    "error", "empty_body",
                    "message", "The request body is empty: send the LEDES 1998B file itself as the body"
                            + " (Content-Type text/plain), starting with the line LEDES1998B[]"));
        }
        return ResponseEntity.ok(ValidationResponse.of(validator.validate(text)));
    }
}
