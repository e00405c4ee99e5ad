package io.legalhub.sandbox.systems;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * iManage object ids: containers (workspaces, templates) are {@code LIBRARY!number}, documents
 * {@code LIBRARY!number.version}. Libraries are case-insensitive, so parsed libraries are upper-cased. Internal.
 */
final class ImanageIds {

    /** The shape the facade demands of workspace and template ids. */
    static final Pattern CONTAINER = Pattern.compile("^[^!]+![0-9]+$");
    /** The shape the facade demands of an {@code objectId}, which may name a container or a document. */
    static final Pattern OBJECT = Pattern.compile("^[^!]+![0-9.]*[0-9]+$");
    private static final Pattern DOCUMENT = Pattern.compile("^([^!]+)!([0-9]{1,18})(?:\\.([0-9]{1,9}))?$");

    /** A parsed id; {@code version} is null for containers and for a document id without one (the latest). */
    record Parsed(String library, long number, Integer version) {
    }

    private ImanageIds() {
    }

    static String container(String library, long number) {
        return library + "!" + number;
    }

    static String document(String library, long number, int version) {
        return library + "!" + number + "." + version;
    }

    /** A workspace or template id, or null when the text does not have that shape. */
    static Parsed parseContainer(String id) {
        if (id == null || !CONTAINER.matcher(id).matches()) {
            return null;
        }
        int bang = id.indexOf('!');
        String digits = id.substring(bang + 1);
        if (digits.length() > 18) {
            return null;
        }
        return new Parsed(id.substring(0, bang).toUpperCase(Locale.ROOT), Long.parseLong(digits), null);
    }

    /** A document id, with or without its version, or null when the text does not have that shape. */
    static Parsed parseDocument(String id) {
        Matcher m = id == null ? null : DOCUMENT.matcher(id);
        if (m == null || !m.matches()) {
            return null;
        }
        Integer version = m.group(3) == null ? null : Integer.valueOf(m.group(3));
        return new Parsed(m.group(1).toUpperCase(Locale.ROOT), Long.parseLong(m.group(2)), version);
    }
}
