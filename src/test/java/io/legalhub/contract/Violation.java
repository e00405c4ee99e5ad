package io.legalhub.contract;

/**
 * One way an exchange breaks the vendor's spec, in plain words.
 *
 * @param method  e.g. {@code POST}
 * @param path    the sandbox path, e.g. {@code /matter-management/api/v4/matters.json}
 * @param part    what is wrong: {@code operation}, {@code request}, {@code request body}, {@code answer}, {@code answer body}
 * @param pointer a JSON pointer into that body (e.g. {@code /data/description}), or {@code ""}
 * @param message what the spec says, e.g. "missing required property 'description'"
 */
public record Violation(String method, String path, String part, String pointer, String message) {

    @Override
    public String toString() {
        return method + " " + path + ": " + part + (pointer == null || pointer.isEmpty() ? "" : " at " + pointer) + ": " + message;
    }
}
