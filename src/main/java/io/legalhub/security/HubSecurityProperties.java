package io.legalhub.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Console and API users for embedded mode: names, bcrypt hashes and roles (VIEWER, OPERATOR). */
@ConfigurationProperties(prefix = "hub.security")
public class HubSecurityProperties {

    private List<User> users = new ArrayList<>();
    private String rolesClaim = "roles";
    private java.time.Duration rememberVerifiedPassword = java.time.Duration.ofMinutes(5);

    public List<User> getUsers() {
        return users;
    }

    public void setUsers(List<User> users) {
        this.users = users;
    }

    /** JWT claim holding the roles when the API is used with bearer tokens. */
    public String getRolesClaim() {
        return rolesClaim;
    }

    public void setRolesClaim(String rolesClaim) {
        this.rolesClaim = rolesClaim;
    }

    /**
     * How long a password that matched its hash is taken as verified without a new bcrypt check (HTTP Basic checks
     * on every request); 0 checks every time.
     */
    public java.time.Duration getRememberVerifiedPassword() {
        return rememberVerifiedPassword;
    }

    public void setRememberVerifiedPassword(java.time.Duration rememberVerifiedPassword) {
        this.rememberVerifiedPassword = rememberVerifiedPassword;
    }

    public static class User {
        private String username;
        private String passwordHash;
        private List<String> roles = new ArrayList<>();

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPasswordHash() {
            return passwordHash;
        }

        public void setPasswordHash(String passwordHash) {
            this.passwordHash = passwordHash;
        }

        public List<String> getRoles() {
            return roles;
        }

        public void setRoles(List<String> roles) {
            this.roles = roles;
        }
    }
}
