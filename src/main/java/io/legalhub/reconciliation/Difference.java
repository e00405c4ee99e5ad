package io.legalhub.reconciliation;

import com.fasterxml.jackson.databind.JsonNode;

/** One field whose value in the target is not what the hub would send: both values, as JSON. */
public record Difference(String field, JsonNode hub, JsonNode target) {
}
