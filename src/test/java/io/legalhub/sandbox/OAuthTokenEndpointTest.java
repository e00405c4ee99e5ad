package io.legalhub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.legalhub.sandbox.SandboxHttp.Resp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.StringJoiner;

import static io.legalhub.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The OAuth 2 token endpoints of Clio, iManage and Relativity, and the access-token check on their APIs. */
class OAuthTokenEndpointTest {

    private static final String CLIO_TOKEN = "/oauth/token";
    private static final String IMANAGE_TOKEN = "/automate/work/auth/token";
    private static final String RELATIVITY_TOKEN = "/Relativity/Identity/connect/token";

    /** An API call of each system that works on an empty (unseeded) system. */
    private static final String CLIO_API = "/api/v4/matters.json";
    private static final String IMANAGE_API = "/automate/work/getLibraries";
    private static final String RELATIVITY_API = "/Relativity.REST/api/relativity-environment/v1/workspaces/-1/matters/eligible-statuses";

    private static final String CLIO_REFRESH = "clio-preauthorised-refresh-token";
    private static final String IMANAGE_REFRESH = "imanage-preauthorised-refresh-token";

    @TempDir
    Path dataDir;

    private SandboxServer sandbox;
    private SandboxHttp clio;
    private SandboxHttp imanage;
    private SandboxHttp relativity;

    private static SandboxSettings.Builder oauthSettings() {
        return SandboxSettings.builder().seed(false)
                .oauthClient(SandboxSystem.MATTER_MANAGEMENT, "clio-app", "clio-secret", CLIO_REFRESH)
                .oauthClient(SandboxSystem.DMS, "imanage-app", "imanage-secret", IMANAGE_REFRESH)
                .oauthClient(SandboxSystem.EDISCOVERY, "relativity-app", "relativity-secret", null);
    }

    @BeforeEach
    void start() {
        connect(SandboxServer.start(oauthSettings().build()));
    }

    private void connect(SandboxServer server) {
        sandbox = server;
        clio = new SandboxHttp(server.baseUrl(SandboxSystem.MATTER_MANAGEMENT));
        imanage = new SandboxHttp(server.baseUrl(SandboxSystem.DMS));
        relativity = new SandboxHttp(server.baseUrl(SandboxSystem.EDISCOVERY));
    }

    @AfterEach
    void stop() {
        sandbox.stop();
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static String form(String... namesAndValues) {
        StringJoiner j = new StringJoiner("&");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            j.add(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return j.toString();
    }

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static String[] bearer(String token) {
        return new String[]{"Authorization", "Bearer " + token};
    }

    /** Clio's refresh, with client_secret_post. */
    private Resp clioRefresh(String refreshToken) {
        return clio.postForm(CLIO_TOKEN, form("grant_type", "refresh_token", "refresh_token", refreshToken,
                "client_id", "clio-app", "client_secret", "clio-secret"));
    }

    /** iManage's refresh, with client_secret_basic. */
    private Resp imanageRefresh(String refreshToken) {
        return imanage.postForm(IMANAGE_TOKEN, form("grant_type", "refresh_token", "refresh_token", refreshToken),
                "Authorization", basic("imanage-app", "imanage-secret"));
    }

    private Resp relativityToken() {
        return relativity.postForm(RELATIVITY_TOKEN, form("grant_type", "client_credentials", "scope", "SystemUserInfo"),
                "Authorization", basic("relativity-app", "relativity-secret"));
    }

    private static String accessToken(Resp tokenAnswer) {
        assertThat(tokenAnswer.status()).as(tokenAnswer.body()).isEqualTo(200);
        return tokenAnswer.json().path("access_token").asText();
    }

    private static Resp call(SandboxHttp system, String path, String token) {
        return system.send("GET", path, null, bearer(token));
    }

    private static void assertInvalidToken(Resp r, String why) {
        assertThat(r.status()).as(r.body()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\", error_description=\"")
                .contains(why);
    }

    private static void assertOAuthError(Resp r, int status, String error) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
        assertThat(r.json().path("error").asText()).isEqualTo(error);
        assertThat(r.json().path("error_description").asText()).isNotBlank();
    }

    private JsonNode oauthStatus(SandboxHttp system) {
        Resp r = system.get("/_control/oauth");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    // ------------------------------------------------------------------------------------------ grants

    @Test
    void clioExchangesTheRefreshTokenWithoutRotatingIt() {
        Resp none = clio.get(CLIO_API);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"matter-management\"");
        assertThat(none.errorType()).isEqualTo("Unauthorized");
        assertThat(none.errorMessage()).contains("missing");

        Resp answer = clioRefresh(CLIO_REFRESH);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        JsonNode token = answer.json();
        assertThat(token.path("token_type").asText()).isEqualTo("bearer");
        assertThat(token.path("expires_in").asLong()).isEqualTo(3600);
        assertThat(token.has("refresh_token")).as("Clio does not rotate refresh tokens").isFalse();
        assertThat(token.path("access_token").asText()).matches("[A-Za-z0-9_-]{43,}");

        Resp ok = call(clio, CLIO_API, token.path("access_token").asText());
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(accessToken(clioRefresh(CLIO_REFRESH))).as("the same refresh token again").isNotEqualTo(token.path("access_token").asText());
    }

    @Test
    void imanageRotatesTheRefreshTokenOnEveryUseAndSpendsTheOldOneWhenTheNewOneIsUsed() {
        JsonNode first = imanageRefresh(IMANAGE_REFRESH).json();
        assertThat(first.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(first.path("scope").asText()).isEqualTo("user");
        String rotated = first.path("refresh_token").asText();
        assertThat(rotated).matches("[A-Za-z0-9_-]{43,}").isNotEqualTo(IMANAGE_REFRESH);
        assertThat(call(imanage, IMANAGE_API, first.path("access_token").asText()).status()).isEqualTo(200);

        // a client that lost the new token (it crashed before storing it) may still refresh with the old one…
        JsonNode again = imanageRefresh(IMANAGE_REFRESH).json();
        String rotatedAgain = again.path("refresh_token").asText();
        assertThat(rotatedAgain).isNotEqualTo(rotated);
        assertOAuthError(imanageRefresh(rotated), 400, "invalid_grant");

        // …until the newest token has been used: from then on the old ones are spent
        Resp second = imanage.postForm(IMANAGE_TOKEN, form("grant_type", "refresh_token", "refresh_token", rotatedAgain, "scope", "user",
                "client_id", "imanage-app", "client_secret", "imanage-secret"));
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().path("refresh_token").asText()).isNotEqualTo(rotatedAgain);
        Resp reused = imanageRefresh(IMANAGE_REFRESH);
        assertOAuthError(reused, 400, "invalid_grant");
        assertThat(reused.json().path("error_description").asText()).contains("already used");
        assertThat(imanageRefresh(second.json().path("refresh_token").asText()).status()).isEqualTo(200);
    }

    @Test
    void relativityIssuesTokensForClientCredentials() {
        Resp none = relativity.get(RELATIVITY_API);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"ediscovery\"");
        assertThat(none.json().path("ErrorType").asText()).as("Relativity's error shape").endsWith("NotAuthorizedException");

        JsonNode token = relativityToken().json();
        assertThat(token.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(token.path("scope").asText()).isEqualTo("SystemUserInfo");
        assertThat(token.has("refresh_token")).isFalse();
        assertThat(call(relativity, RELATIVITY_API, token.path("access_token").asText()).status()).isEqualTo(200);

        Resp posted = relativity.postForm(RELATIVITY_TOKEN, form("grant_type", "client_credentials",
                "client_id", "relativity-app", "client_secret", "relativity-secret"));
        assertThat(posted.status()).as("client_secret_post, no scope").isEqualTo(200);
        assertThat(posted.json().path("scope").asText()).isEqualTo("SystemUserInfo");
    }

    @Test
    void theStaticBearerTokenStillGuardsSystemsWithoutAnOAuthClient() {
        try (SandboxServer mixed = SandboxServer.start(SandboxSettings.builder().seed(false)
                .bearerToken(SandboxSystem.BILLING, "t0ken")
                .oauthClient(SandboxSystem.DMS, "imanage-app", "imanage-secret", IMANAGE_REFRESH).build())) {
            SandboxHttp billing = new SandboxHttp(mixed.baseUrl(SandboxSystem.BILLING));
            assertThat(billing.send("GET", "/api/v1/clients", null, bearer("t0ken")).status()).isEqualTo(200);
            assertThat(billing.get("/api/v1/clients").status()).isEqualTo(401);
            assertThat(new SandboxHttp(mixed.baseUrl(SandboxSystem.DMS)).get(IMANAGE_API).status()).isEqualTo(401);
            assertThat(new SandboxHttp(mixed.baseUrl(SandboxSystem.CONFLICTS)).get("/_control/oauth").status()).isEqualTo(404);
        }
    }

    @Test
    void systemsWithoutAnOAuthClientHaveNoTokenEndpoint() {
        try (SandboxServer open = SandboxServer.start(SandboxSettings.builder().seed(false).build())) {
            String grant = form("grant_type", "client_credentials", "client_id", "a", "client_secret", "b");
            assertThat(new SandboxHttp(open.baseUrl(SandboxSystem.MATTER_MANAGEMENT)).postForm(CLIO_TOKEN, grant).status()).isEqualTo(404);
            assertThat(new SandboxHttp(open.baseUrl(SandboxSystem.DMS)).postForm(IMANAGE_TOKEN, grant).status()).isEqualTo(404);
            assertThat(new SandboxHttp(open.baseUrl(SandboxSystem.EDISCOVERY)).postForm(RELATIVITY_TOKEN, grant).status()).isEqualTo(404);
            assertThat(new SandboxHttp(open.baseUrl(SandboxSystem.DMS)).get("/_control/oauth").status()).isEqualTo(404);
            assertThat(new SandboxHttp(open.baseUrl(SandboxSystem.DMS)).get(IMANAGE_API).status()).as("open").isEqualTo(200);
        }
    }

    // ------------------------------------------------------------------------------------------ token errors

    @Test
    void aWrongClientSecretIsInvalidClient() {
        Resp basic = imanage.postForm(IMANAGE_TOKEN, form("grant_type", "refresh_token", "refresh_token", IMANAGE_REFRESH),
                "Authorization", basic("imanage-app", "wrong"));
        assertOAuthError(basic, 401, "invalid_client");
        assertThat(basic.header("WWW-Authenticate")).isEqualTo("Basic realm=\"dms\"");

        Resp posted = relativity.postForm(RELATIVITY_TOKEN, form("grant_type", "client_credentials",
                "client_id", "relativity-app", "client_secret", "wrong"));
        assertOAuthError(posted, 401, "invalid_client");
        assertThat(posted.header("WWW-Authenticate")).startsWith("Basic realm=");

        assertOAuthError(clio.postForm(CLIO_TOKEN, form("grant_type", "refresh_token", "refresh_token", CLIO_REFRESH)),
                401, "invalid_client");
        assertThat(imanageRefresh(IMANAGE_REFRESH).status()).as("a failed attempt used nothing up").isEqualTo(200);
    }

    @Test
    void malformedAndUnsupportedTokenRequestsAreRefused() {
        Resp grant = clio.postForm(CLIO_TOKEN, form("grant_type", "client_credentials",
                "client_id", "clio-app", "client_secret", "clio-secret"));
        assertOAuthError(grant, 400, "unsupported_grant_type");
        assertOAuthError(relativity.postForm(RELATIVITY_TOKEN, form("grant_type", "refresh_token", "refresh_token", "x"),
                "Authorization", basic("relativity-app", "relativity-secret")), 400, "unsupported_grant_type");
        assertOAuthError(clio.postForm(CLIO_TOKEN, form("client_id", "clio-app", "client_secret", "clio-secret")),
                400, "invalid_request");
        assertOAuthError(clio.postForm(CLIO_TOKEN, form("grant_type", "refresh_token",
                "client_id", "clio-app", "client_secret", "clio-secret")), 400, "invalid_request");
        assertOAuthError(clioRefresh("not-a-grant"), 400, "invalid_grant");
        assertOAuthError(relativity.postForm(RELATIVITY_TOKEN, form("grant_type", "client_credentials", "scope", "Everything"),
                "Authorization", basic("relativity-app", "relativity-secret")), 400, "invalid_scope");

        Resp asJson = clio.post(CLIO_TOKEN, json("{'grant_type':'refresh_token','refresh_token':'" + CLIO_REFRESH + "'}"));
        assertOAuthError(asJson, 400, "invalid_request");
        assertThat(asJson.json().path("error_description").asText()).contains("x-www-form-urlencoded");
        Resp inQuery = clio.postForm(CLIO_TOKEN + "?client_secret=clio-secret", form("grant_type", "refresh_token"));
        assertOAuthError(inQuery, 400, "invalid_request");
        Resp twice = clio.postForm(CLIO_TOKEN, form("grant_type", "refresh_token", "refresh_token", CLIO_REFRESH,
                "client_id", "clio-app", "client_secret", "clio-secret"), "Authorization", basic("clio-app", "clio-secret"));
        assertOAuthError(twice, 400, "invalid_request");

        Resp get = clio.get(CLIO_TOKEN);
        assertThat(get.status()).isEqualTo(405);
        assertThat(get.header("Allow")).isEqualTo("POST");
        assertThat(oauthStatus(clio).path("tokenErrors").asLong()).as("the 405 is no token error").isEqualTo(7);
        assertThat(sandbox.settings().oauthClients()).hasSize(3);
        assertThat(clio.get("/_control/requests").json().path("requests").findValuesAsText("query"))
                .as("a secret sent in the URI stays out of the request log").doesNotContain("client_secret=clio-secret");
    }

    // ------------------------------------------------------------------------------------------ expiry and revocation

    @Test
    void anAccessTokenExpiredThroughTheControlEndpointIsRefusedAsExpired() {
        String token = accessToken(clioRefresh(CLIO_REFRESH));
        assertThat(call(clio, CLIO_API, token).status()).isEqualTo(200);
        assertThat(clio.post("/_control/oauth/expire", null).json().path("liveAccessTokens").asInt()).isZero();

        Resp expired = call(clio, CLIO_API, token);
        assertInvalidToken(expired, "expired");
        assertThat(expired.errorType()).as("Clio's error shape").isEqualTo("Unauthorized");
        assertThat(call(clio, CLIO_API, accessToken(clioRefresh(CLIO_REFRESH))).status()).as("after a refresh").isEqualTo(200);
        assertInvalidToken(call(clio, CLIO_API, "made-up-token"), "unknown");
    }

    @Test
    void anAccessTokenExpiresAfterItsLifetime() {
        Resp ttl = relativity.put("/_control/oauth/ttl", json("{'seconds':1}"));
        assertThat(ttl.json().path("ttlSeconds").asInt()).isEqualTo(1);
        JsonNode answer = relativityToken().json();
        assertThat(answer.path("expires_in").asInt()).isEqualTo(1);
        String token = answer.path("access_token").asText();

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> call(relativity, RELATIVITY_API, token).status() == 401);
        assertInvalidToken(call(relativity, RELATIVITY_API, token), "expired");
        assertThat(relativity.put("/_control/oauth/ttl", json("{'seconds':0}")).status()).isEqualTo(422);
    }

    @Test
    void aShortLifetimeFromTheSettingsIsAnsweredAsExpiresIn() {
        sandbox.stop();
        connect(SandboxServer.start(oauthSettings().accessTokenTtl(Duration.ofSeconds(1)).build()));
        String token = accessToken(imanageRefresh(IMANAGE_REFRESH));
        assertThat(oauthStatus(imanage).path("ttlSeconds").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> call(imanage, IMANAGE_API, token).status() == 401);
        assertInvalidToken(call(imanage, IMANAGE_API, token), "expired");
    }

    @Test
    void revokedAccessTokensAreRefusedWhileTheRefreshTokenStillWorks() {
        String token = accessToken(clioRefresh(CLIO_REFRESH));
        assertThat(clio.post("/_control/oauth/revoke", null).status()).isEqualTo(200);

        assertInvalidToken(call(clio, CLIO_API, token), "revoked");
        assertThat(call(clio, CLIO_API, accessToken(clioRefresh(CLIO_REFRESH))).status()).isEqualTo(200);
    }

    @Test
    void revokingRefreshTokensTooMakesEveryGrantInvalidUntilTheUserConsentsAgain() {
        String granted = clio.post("/_control/oauth/grants", null).json().path("refresh_token").asText();
        String token = accessToken(clioRefresh(CLIO_REFRESH));
        assertThat(clio.post("/_control/oauth/revoke", json("{'refreshTokens':true}")).status()).isEqualTo(200);

        assertInvalidToken(call(clio, CLIO_API, token), "revoked");
        Resp preAuthorised = clioRefresh(CLIO_REFRESH);
        assertOAuthError(preAuthorised, 400, "invalid_grant");
        assertThat(preAuthorised.json().path("error_description").asText()).contains("revoked");
        assertOAuthError(clioRefresh(granted), 400, "invalid_grant");

        Resp consent = clio.post("/_control/oauth/grants", null);
        assertThat(consent.status()).isEqualTo(201);
        assertThat(call(clio, CLIO_API, accessToken(clioRefresh(consent.json().path("refresh_token").asText()))).status())
                .isEqualTo(200);
        assertThat(clio.post("/_control/oauth/revoke", json("{'refreshTokens':'yes'}")).status()).isEqualTo(422);
    }

    @Test
    void aNewGrantGivesAWorkingRefreshToken() {
        Resp grant = imanage.post("/_control/oauth/grants", null);
        assertThat(grant.status()).isEqualTo(201);
        String refreshToken = grant.json().path("refresh_token").asText();
        assertThat(refreshToken).matches("[A-Za-z0-9_-]{43,}");

        JsonNode answer = imanageRefresh(refreshToken).json();
        assertThat(call(imanage, IMANAGE_API, answer.path("access_token").asText()).status()).isEqualTo(200);
        assertThat(imanageRefresh(IMANAGE_REFRESH).status()).as("the pre-authorised grant is untouched").isEqualTo(200);
        assertThat(relativity.post("/_control/oauth/grants", null).status()).as("client credentials: no grants").isEqualTo(404);
    }

    // ------------------------------------------------------------------------------------------ persistence and reset

    @Test
    void refreshTokensSurviveARestartWithADataDirButAccessTokensDoNot() {
        sandbox.stop();
        connect(SandboxServer.start(oauthSettings().dataDir(dataDir).build()));
        JsonNode rotatedAnswer = imanageRefresh(IMANAGE_REFRESH).json();
        String rotated = rotatedAnswer.path("refresh_token").asText();
        String accessToken = rotatedAnswer.path("access_token").asText();
        String granted = clio.post("/_control/oauth/grants", null).json().path("refresh_token").asText();
        sandbox.stop();

        connect(SandboxServer.start(oauthSettings().dataDir(dataDir).build()));
        assertInvalidToken(call(imanage, IMANAGE_API, accessToken), "unknown");
        assertThat(call(imanage, IMANAGE_API, accessToken(imanageRefresh(rotated))).status()).isEqualTo(200);
        assertOAuthError(imanageRefresh(IMANAGE_REFRESH), 400, "invalid_grant");
        assertThat(clioRefresh(granted).status()).isEqualTo(200);
        assertThat(clioRefresh(CLIO_REFRESH).status()).isEqualTo(200);
        assertThat(imanage.get("/_control/stats").json().path("records").has("oauth")).as("grants are not records").isFalse();
    }

    @Test
    void theControlEndpointCountsTokensAndRefusalsAndAResetStartsAgain() {
        String token = accessToken(imanageRefresh(IMANAGE_REFRESH));
        assertThat(imanage.get(IMANAGE_API).status()).isEqualTo(401);
        assertThat(call(imanage, IMANAGE_API, "made-up").status()).isEqualTo(401);
        assertThat(call(imanage, IMANAGE_API, token).status()).isEqualTo(200);
        assertOAuthError(imanageRefresh("never-issued"), 400, "invalid_grant");
        Resp observed = imanage.send("GET", IMANAGE_API, null, new String[]{"X-Sandbox-Observer", "true"});
        assertThat(observed.status()).as("an observer looks without a token").isEqualTo(200);

        JsonNode status = oauthStatus(imanage);
        assertThat(status.path("clientId").asText()).isEqualTo("imanage-app");
        assertThat(status.path("ttlSeconds").asLong()).isEqualTo(3600);
        assertThat(status.path("issued").path("refresh_token").asLong()).isEqualTo(1);
        assertThat(status.path("issued").path("client_credentials").asLong()).isZero();
        assertThat(status.path("liveAccessTokens").asInt()).isEqualTo(1);
        assertThat(status.path("rejectedApiCalls").asLong()).as("observers are not counted").isEqualTo(2);
        assertThat(status.path("tokenErrors").asLong()).isEqualTo(1);
        assertThat(status.toString()).doesNotContain(token).doesNotContain("imanage-secret");
        assertThat(oauthStatus(relativity).path("issued").path("client_credentials").asLong()).isZero();

        assertThat(imanage.post("/_control/reset", null).status()).isEqualTo(200);
        JsonNode afterReset = oauthStatus(imanage);
        assertThat(afterReset.path("issued").path("refresh_token").asLong()).isZero();
        assertThat(afterReset.path("liveAccessTokens").asInt()).isZero();
        assertThat(afterReset.path("rejectedApiCalls").asLong()).isZero();
        assertThat(afterReset.path("tokenErrors").asLong()).isZero();
        assertInvalidToken(call(imanage, IMANAGE_API, token), "unknown");
        assertThat(imanageRefresh(IMANAGE_REFRESH).status()).as("the pre-authorised grant is valid again").isEqualTo(200);
    }

    @Test
    void faultsApplyToTheTokenEndpointWhichIsLoggedLikeAnyApiCall() {
        relativity.put("/_control/faults", json("{'outage':true}"));
        Resp down = relativityToken();
        assertThat(down.status()).isEqualTo(503);
        relativity.put("/_control/faults", json("{'rateLimit':{'next':1,'retryAfterSeconds':7}}"));
        Resp limited = relativityToken();
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isEqualTo("7");
        relativity.delete("/_control/faults");
        assertThat(relativityToken().status()).isEqualTo(200);

        JsonNode log = relativity.get("/_control/requests").json().path("requests");
        assertThat(log.findValuesAsText("path")).containsOnly("/ediscovery" + RELATIVITY_TOKEN);
        assertThat(log.findValuesAsText("status")).containsExactly("503", "429", "200");
        assertThat(oauthStatus(relativity).path("tokenErrors").asLong()).as("faults are not token errors").isZero();
    }

    // ------------------------------------------------------------------------------------------ settings

    @Test
    void settingsKeepOAuthClientsAndRefuseWhatCouldNotWork() {
        SandboxSettings s = oauthSettings().accessTokenTtl(Duration.ofMinutes(5)).build();
        SandboxSettings copy = s.toBuilder().build();
        assertThat(copy.oauthClients()).isEqualTo(s.oauthClients());
        assertThat(copy.accessTokenTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(copy.oauthClients().get(SandboxSystem.DMS).refreshToken()).isEqualTo(IMANAGE_REFRESH);
        assertThat(copy.oauthClients().get(SandboxSystem.EDISCOVERY).refreshToken()).isNull();
        assertThat(s.toString()).doesNotContain("clio-secret").doesNotContain(CLIO_REFRESH);
        assertThat(SandboxSettings.defaults().accessTokenTtl()).isEqualTo(Duration.ofHours(1));

        assertThatThrownBy(() -> SandboxSettings.builder().oauthClient(SandboxSystem.BILLING, "a", "b", null).build())
                .hasMessageContaining("billing").hasMessageContaining("dms");
        assertThatThrownBy(() -> SandboxSettings.builder().oauthClient(SandboxSystem.EDISCOVERY, "a", "b", "r").build())
                .hasMessageContaining("client_credentials");
        assertThatThrownBy(() -> SandboxSettings.builder().oauthClient(SandboxSystem.DMS, "a", "b", null)
                .bearerToken(SandboxSystem.DMS, "t").build()).hasMessageContaining("dms");
        assertThatThrownBy(() -> SandboxSettings.builder().oauthClient(SandboxSystem.DMS, "a", " ", null))
                .hasMessageContaining("secret");
        assertThatThrownBy(() -> SandboxSettings.builder().accessTokenTtl(Duration.ofMillis(500)).build())
                .hasMessageContaining("accessTokenTtl");
    }
}
