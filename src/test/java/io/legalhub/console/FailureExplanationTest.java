package io.legalhub.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;

import io.legalhub.console.FailureExplanation.Kind;
import io.legalhub.deadletter.DeadLetter;
import io.legalhub.deadletter.DeadLetterStatus;
import org.junit.jupiter.api.Test;

/** Issue 4: each common failure reads as a sentence with what to do about it. */
class FailureExplanationTest {

    @Test
    void aRejectionNamesTheSystemTheStatusAndItsReasonAndSaysToFixTheData() {
        FailureExplanation why = FailureExplanation.of(deadLetter("deliver", "billing", "permanent",
                "io.legalhub.systems.PermanentSystemFailure", "billing rejected the request (HTTP 400): Client is on credit hold", null));

        assertThat(why.kind()).isEqualTo(Kind.REJECTED);
        assertThat(why.headline()).isEqualTo("billing refused this record (HTTP 400): Client is on credit hold");
        assertThat(why.hint()).contains("Fix the data in the source system").contains("edit the payload").contains("replay");
    }

    @Test
    void refusedCredentialsAndAMissingRecordGetTheirOwnAdvice() {
        assertThat(FailureExplanation.of(deadLetter("deliver", "dms", "permanent", "io.legalhub.systems.PermanentSystemFailure",
                "dms rejected the request (HTTP 401): token expired", null)).hint()).contains("hub.systems.dms.token");
        assertThat(FailureExplanation.of(deadLetter("deliver", "dms", "permanent", "io.legalhub.systems.PermanentSystemFailure",
                "dms rejected the request (HTTP 404): no such workspace", null)).headline())
                .startsWith("dms does not have the record this change is for (HTTP 404)");
    }

    @Test
    void anOutageSaysHowManyAttemptsWereMadeAndToReplayOnceTheSystemIsBack() {
        FailureExplanation unreachable = FailureExplanation.of(deadLetter("deliver", "dms", "transient",
                "io.legalhub.systems.TransientSystemFailure", "dms could not be reached: ConnectException (refused) (gave up after 9 attempts)", null));
        FailureExplanation busy = FailureExplanation.of(deadLetter("deliver", "billing", "transient",
                "io.legalhub.systems.TransientSystemFailure", "billing answered HTTP 503: down for maintenance (gave up after 7 attempts)", null));

        assertThat(unreachable.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(unreachable.headline()).isEqualTo("gave up after 9 attempts: the dms system could not be reached (ConnectException (refused))");
        assertThat(unreachable.hint()).contains("replay once dms is back");
        assertThat(busy.headline()).isEqualTo("gave up after 7 attempts: billing kept answering HTTP 503 (down for maintenance)");
    }

    @Test
    void aRecordThatDoesNotFitTheModelNamesTheFieldAndWhatItMustBe() {
        FailureExplanation why = FailureExplanation.of(deadLetter("canonicalize", "hub", "permanent",
                "org.apache.camel.component.jsonvalidator.JsonValidationException",
                "The record does not match the schema mappings/canonical/matter.schema.json: $.status: does not have a value in the "
                        + "enumeration [\"intake\", \"open\", \"pending\", \"closed\"]; $: required property 'number' not found; "
                        + "$.client.name: integer found, string expected", "$.status"));

        assertThat(why.kind()).isEqualTo(Kind.SCHEMA);
        assertThat(why.headline()).isEqualTo("The record does not fit the canonical matter model: status must be one of "
                + "\"intake\", \"open\", \"pending\", \"closed\"; number is missing; client.name is an integer where a string is expected");
        assertThat(why.hint()).contains("as matter-management sent it").contains("the field status").contains("then replay");
    }

    @Test
    void aMappingFailureNamesTheMappingAndAnythingElseIsKeptAsWritten() {
        FailureExplanation mapping = FailureExplanation.of(deadLetter("deliver", "billing", "permanent", "com.dashjoin.jsonata.JException",
                "Mapping mappings/billing/canonical-to-matter.jsonata failed: T2002 the operand is not a number", null));
        FailureExplanation other = FailureExplanation.of(deadLetter("deliver", "billing", "permanent", "java.lang.IllegalStateException",
                "Something unexpected", null));

        assertThat(mapping.kind()).isEqualTo(Kind.MAPPING);
        assertThat(mapping.headline()).isEqualTo("The mapping mappings/billing/canonical-to-matter.jsonata could not translate this record: "
                + "T2002 the operand is not a number");
        assertThat(other.headline()).isEqualTo("Something unexpected");
        assertThat(other.hint()).contains("discard it with a reason");
        assertThat(new FailureExplanation(Kind.OTHER, "x".repeat(400), "").shortHeadline()).hasSizeLessThanOrEqualTo(160).endsWith("…");
    }

    private static DeadLetter deadLetter(String stage, String target, String kind, String errorClass, String message, String field) {
        OffsetDateTime now = OffsetDateTime.now();
        return new DeadLetter(1, "m-1", DeadLetterStatus.OPEN, "matter", "2025-0012", 3L, "matter-management", target, stage, "route",
                null, kind, errorClass, message, errorClass + ": " + message, null, field, 1, "{}", "{}", now, now, 0, null, now);
    }
}
