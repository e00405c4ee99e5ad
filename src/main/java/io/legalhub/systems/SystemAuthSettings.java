package io.legalhub.systems;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How the hub authenticates to one system ({@code hub.systems.<name>.auth}). Without it, the system's static
 * {@code token} (if any) is sent as a bearer token. With {@code type: oauth2}, access tokens come from the system's
 * token endpoint through Spring Security's OAuth2 client and are refreshed before they expire and after a 401.
 */
public class SystemAuthSettings {

    public enum Type { NONE, BEARER, OAUTH2 }

    public enum Grant { CLIENT_CREDENTIALS, REFRESH_TOKEN }

    public enum ClientAuthentication { CLIENT_SECRET_BASIC, CLIENT_SECRET_POST }

    private Type type = Type.BEARER;
    private Grant grant = Grant.CLIENT_CREDENTIALS;
    private String tokenUri;
    private String clientId;
    private String clientSecret;
    private String refreshToken;
    private List<String> scopes = new ArrayList<>();
    private ClientAuthentication clientAuthentication = ClientAuthentication.CLIENT_SECRET_BASIC;
    private Duration refreshBeforeExpiry = Duration.ofSeconds(60);

    public boolean isOauth2() {
        return type == Type.OAUTH2;
    }

    public Type getType() {
        return type;
    }

    public void setType(Type type) {
        this.type = type;
    }

    /** client-credentials (a service account: Relativity) or refresh-token (a user's consent given once: Clio, iManage). */
    public Grant getGrant() {
        return grant;
    }

    public void setGrant(Grant grant) {
        this.grant = grant;
    }

    public String getTokenUri() {
        return tokenUri;
    }

    public void setTokenUri(String tokenUri) {
        this.tokenUri = tokenUri;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    /**
     * The refresh token the operator obtained once (the vendor's authorization-code consent). It seeds the hub's
     * stored grant only when none is stored: a vendor that rotates refresh tokens makes the stored one the live one.
     */
    public String getRefreshToken() {
        return refreshToken;
    }

    public void setRefreshToken(String refreshToken) {
        this.refreshToken = refreshToken;
    }

    public List<String> getScopes() {
        return scopes;
    }

    public void setScopes(List<String> scopes) {
        this.scopes = scopes;
    }

    public ClientAuthentication getClientAuthentication() {
        return clientAuthentication;
    }

    public void setClientAuthentication(ClientAuthentication clientAuthentication) {
        this.clientAuthentication = clientAuthentication;
    }

    /** A token this close to its expiry is replaced before use, so no call goes out with a token about to lapse. */
    public Duration getRefreshBeforeExpiry() {
        return refreshBeforeExpiry;
    }

    public void setRefreshBeforeExpiry(Duration refreshBeforeExpiry) {
        this.refreshBeforeExpiry = refreshBeforeExpiry;
    }
}
