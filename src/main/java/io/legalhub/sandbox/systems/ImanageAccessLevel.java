package io.legalhub.sandbox.systems;

import java.util.Arrays;
import java.util.Optional;

/**
 * An ACL entry's access level: {@code updatePermissions} takes the display name ("Read/Write"), ACLs answer the
 * code ("read_write") and its number. {@code change_security} exists in iManage but no facade call can grant it,
 * so the sandbox never holds it. Internal.
 */
enum ImanageAccessLevel {
    NO_ACCESS("no_access", "No Access", 0),
    READ("read", "Read Only", 1),
    READ_WRITE("read_write", "Read/Write", 2),
    FULL_ACCESS("full_access", "Full Access", 3);

    /** The display name {@code updatePermissions} uses to take users and groups off the ACL. */
    static final String REMOVE = "Remove";

    final String code;
    final String displayName;
    final int number;

    ImanageAccessLevel(String code, String displayName, int number) {
        this.code = code;
        this.displayName = displayName;
        this.number = number;
    }

    static Optional<ImanageAccessLevel> byCode(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
    }

    /** Display names are matched exactly, as the facade's enum lists them. */
    static Optional<ImanageAccessLevel> byDisplayName(String name) {
        return Arrays.stream(values()).filter(l -> l.displayName.equals(name)).findFirst();
    }
}
