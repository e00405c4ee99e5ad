package io.legalhub.console;

import io.legalhub.security.SecurityConfiguration;
import org.springframework.security.core.Authentication;

/** Who is using the console, as the header shows it, and whether they may change things. */
public record ConsoleUser(String name, String role, boolean operator) {

    static ConsoleUser of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null) {
            return null;
        }
        boolean operator = has(authentication, SecurityConfiguration.OPERATOR);
        boolean viewer = has(authentication, SecurityConfiguration.VIEWER);
        if (!operator && !viewer) {
            return null;
        }
        return new ConsoleUser(authentication.getName(), operator ? "Operator" : "Viewer", operator);
    }

    private static boolean has(Authentication authentication, String role) {
        return authentication.getAuthorities().stream().anyMatch(a -> ("ROLE_" + role).equals(a.getAuthority()));
    }
}
