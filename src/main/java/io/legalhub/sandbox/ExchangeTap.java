package io.legalhub.sandbox;

/**
 * Receives every API exchange a system under test has with the sandbox, e.g. to check it against a vendor's
 * published API description. Observer requests ({@code X-Sandbox-Observer: true}) and {@code /_control}
 * requests are not passed on: they are the tests' own look at the systems, not the system under test's calls.
 *
 * <p>Called on the sandbox's request thread, before the answer is sent, so whoever has read the answer can
 * also find the exchange. Keep it quick and never block; an exception it throws is logged and ignored.
 *
 * @see SandboxServer#tap(ExchangeTap)
 */
@FunctionalInterface
public interface ExchangeTap {

    void exchange(TappedExchange exchange);
}
