package io.legalhub.sandbox.systems.relativity;

/** One invalid property of a request body, e.g. {@code Name}: "must be at most 50 characters". Internal. */
public record PropertyError(String property, String message) {
}
