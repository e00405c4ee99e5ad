package io.legalhub.sandbox.oauth;

/** Keeps error descriptions to the characters RFC 6749 and RFC 6750 allow, so they fit in a quoted header value. */
final class ErrorDescriptions {

    private ErrorDescriptions() {
    }

    /** Printable ASCII without {@code "} and {@code \}; anything else (a client's odd grant type, say) becomes '?'. */
    static String sanitise(String description) {
        StringBuilder b = new StringBuilder(description.length());
        for (char c : description.toCharArray()) {
            boolean allowed = c >= 0x20 && c <= 0x7E && c != '"' && c != '\\';
            b.append(allowed ? c : '?');
        }
        return b.toString();
    }
}
