package io.legalhub.sandbox.http;

/** Handles one routed request. Throw {@link ApiException} for error answers. Internal. */
@FunctionalInterface
public interface Handler {
    Response handle(Request request);
}
