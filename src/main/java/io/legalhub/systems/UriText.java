package io.legalhub.systems;

/**
 * Connector paths are written as people read them ({@code fields=id,client{id,name}}); before a request is sent,
 * the characters a URI may not carry literally are percent-encoded. Everything already encoded stays as it is.
 */
final class UriText {

    private static final String ILLEGAL = "{}|\\^`<>\" ";

    private UriText() {
    }

    static String escapeIllegal(String pathAndQuery) {
        StringBuilder out = null;
        for (int i = 0; i < pathAndQuery.length(); i++) {
            char c = pathAndQuery.charAt(i);
            if (ILLEGAL.indexOf(c) >= 0) {
                if (out == null) {
                    out = new StringBuilder(pathAndQuery.length() + 16).append(pathAndQuery, 0, i);
                }
                out.append('%').append(String.format("%02X", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? pathAndQuery : out.toString();
    }
}
