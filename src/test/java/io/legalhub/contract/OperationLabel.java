package io.legalhub.contract;

import java.util.Arrays;
import java.util.stream.Collectors;

import io.legalhub.sandbox.TappedExchange;

/**
 * How the report groups exchanges no spec operation matched: the sandbox path with its ids as {@code {id}}
 * (a segment holding a digit, except a version such as {@code v1}), e.g. {@code GET /billing/api/v1/matters/{id}}.
 */
final class OperationLabel {

    private OperationLabel() {
    }

    static String of(TappedExchange exchange) {
        String generic = Arrays.stream(exchange.path().split("/", -1))
                .map(segment -> segment.matches("v\\d+") || !segment.matches(".*\\d.*") ? segment : "{id}")
                .collect(Collectors.joining("/"));
        return exchange.method() + " " + exchange.system().path() + generic;
    }
}
