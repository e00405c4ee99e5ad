package io.legalhub.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import io.legalhub.support.HubIntegrationTest;
import io.legalhub.support.SandboxClient;
import io.legalhub.support.SandboxOAuth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Issue 8: the hub reaches Clio, iManage and Relativity with OAuth 2 access tokens from each system's token
 * endpoint (refresh-token grant for Clio and iManage, client credentials for Relativity), renews them before they
 * expire and after a 401, and turns a revoked grant into dead letters that say so and replay once an operator gave
 * the hub a new refresh token.
 */
@ExtendWith(OutputCaptureExtension.class)
class SystemOAuthTest extends HubIntegrationTest {

    private static final String DMS_OAUTH = "/dms/_control/oauth";

    @AfterEach
    void restoreTheSandboxesTokenLifetime() {
        sandbox.ok("PUT", DMS_OAUTH + "/ttl", "{\"seconds\":3600}");
    }

    @Test
    void everyVendorSystemIsReachedWithTokensFromItsOwnTokenEndpoint() {
        String number = newMatterNumber();
        long client = sandbox.createClient("Contoso Pharmaceuticals " + number, "Company");
        sandbox.createRelativityClient("Contoso Pharmaceuticals " + number, "C-" + client);

        sandbox.createMatter(number, "Contoso v. Litware – product liability", client, litigation());

        await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.ediscoveryWorkspaces(number).size() == 1
                && sandbox.dmsWorkspaces(number).size() == 1);
        assertThat(sandbox.ok("GET", "/matter-management/_control/oauth", null).at("/issued/refresh_token").asLong()).isPositive();
        assertThat(sandbox.ok("GET", DMS_OAUTH, null).at("/issued/refresh_token").asLong()).isPositive();
        assertThat(sandbox.ok("GET", "/ediscovery/_control/oauth", null).at("/issued/client_credentials").asLong()).isPositive();

        JsonNode systems = apiJson("GET", "/api/system-auth").get("systems");
        JsonNode dms = find(systems, "dms");
        assertThat(dms.get("type").asText()).isEqualTo("oauth2");
        assertThat(dms.get("grant").asText()).isEqualTo("refresh_token");
        assertThat(dms.get("clientId").asText()).isEqualTo(SandboxOAuth.IMANAGE.clientId());
        assertThat(Instant.parse(dms.get("accessTokenExpiresAt").asText())).isAfter(Instant.now());
        assertThat(find(systems, "ediscovery").get("grant").asText()).isEqualTo("client_credentials");
        assertThat(find(systems, "billing").get("type").asText()).isIn("none", "bearer");
        assertThat(systems.toString()).doesNotContain(SandboxOAuth.IMANAGE.clientSecret())
                .doesNotContain(SandboxOAuth.IMANAGE.refreshToken());
    }

    @Test
    void aTokenAboutToExpireIsRenewedBeforeItIsSentSoTheSystemNeverRefusesOne() {
        // tokens of 4 s from now on; the hub renews within 2 s of the end (SandboxOAuth's refresh-before-expiry)
        sandbox.ok("PUT", DMS_OAUTH + "/ttl", "{\"seconds\":4}");
        assertThat(apiJson("POST", "/api/system-auth/dms/check").get("ok").asBoolean()).isTrue();
        sandbox.ok("POST", DMS_OAUTH + "/expire", null);
        provisionAMatterInTheDms();      // one 401, then a 4-second token
        JsonNode before = sandbox.ok("GET", DMS_OAUTH, null);
        Instant expiresAt = Instant.parse(find(apiJson("GET", "/api/system-auth").get("systems"), "dms")
                .get("accessTokenExpiresAt").asText());
        assertThat(Duration.between(Instant.now(), expiresAt)).isLessThanOrEqualTo(Duration.ofSeconds(4));

        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(expiresAt.minusSeconds(2)));
        provisionAMatterInTheDms();

        JsonNode after = sandbox.ok("GET", DMS_OAUTH, null);
        assertThat(after.at("/issued/refresh_token").asLong()).isGreaterThan(before.at("/issued/refresh_token").asLong());
        assertThat(after.get("rejectedApiCalls").asLong()).as("no call went out with a spent token")
                .isEqualTo(before.get("rejectedApiCalls").asLong());
    }

    @Test
    void aRevokedAccessTokenIsReplacedAfterA401WithoutADeadLetter() {
        JsonNode before = sandbox.ok("GET", DMS_OAUTH, null);
        sandbox.ok("POST", DMS_OAUTH + "/revoke", null);

        String number = provisionAMatterInTheDms();

        JsonNode after = sandbox.ok("GET", DMS_OAUTH, null);
        assertThat(after.get("rejectedApiCalls").asLong() - before.get("rejectedApiCalls").asLong())
                .as("refused until the hub noticed (calls in flight at that moment carry the old token too)").isPositive();
        assertThat(after.at("/issued/refresh_token").asLong()).isGreaterThan(before.at("/issued/refresh_token").asLong());
        assertThat(deadLetterPage("q=" + number + "&status=open").get("items")).isEmpty();
    }

    @Test
    void aRevokedGrantIsADeadLetterSayingSoAndReplaysOnceTheHubHasANewRefreshToken(CapturedOutput output) throws Exception {
        sandbox.ok("POST", DMS_OAUTH + "/revoke", "{\"refreshTokens\":true}");
        String number = newMatterNumber();
        long client = sandbox.createClient("Wingtip Toys " + number, "Company");

        sandbox.createMatter(number, "Wingtip Toys trademark portfolio", client, null);

        JsonNode deadLetter = await().atMost(Duration.ofSeconds(30)).until(() -> openDeadLetter(number, "dms"), d -> d != null);
        assertThat(deadLetter.get("failureKind").asText()).isEqualTo("permanent");
        assertThat(deadLetter.get("error").asText()).contains("invalid_grant").contains("refresh token");
        await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.billingMatters(number).size() == 1);
        assertThat(sandbox.dmsWorkspaces(number)).isEmpty();

        // the firm authorises the hub again in iManage, and an operator hands the hub the new refresh token
        String refreshToken = sandbox.ok("POST", DMS_OAUTH + "/grants", null).get("refresh_token").asText();
        HttpResponse<String> given = api("PUT", "/api/system-auth/dms/refresh-token",
                "{\"refreshToken\":\"" + refreshToken + "\"}", "operator");
        assertThat(given.statusCode()).isEqualTo(200);
        assertThat(given.body()).doesNotContain(refreshToken);
        HttpResponse<String> replay = api("POST", "/api/dead-letters/" + deadLetter.get("id").asLong() + "/replay", null, "operator");

        assertThat(replay.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.dmsWorkspaces(number).size() == 1);
        assertThat(output.getAll()).doesNotContain(refreshToken).doesNotContain(SandboxOAuth.IMANAGE.clientSecret());
    }

    @Test
    void aNewRefreshTokenIsRefusedWithoutOperatorRightsOrWithoutAValue() {
        assertThat(api("PUT", "/api/system-auth/dms/refresh-token", "{\"refreshToken\":\"x\"}", "viewer").statusCode()).isEqualTo(403);
        HttpResponse<String> empty = api("PUT", "/api/system-auth/dms/refresh-token", "{}", "operator");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("refreshToken");
        HttpResponse<String> clientCredentials = api("PUT", "/api/system-auth/ediscovery/refresh-token", "{\"refreshToken\":\"x\"}", "operator");
        assertThat(clientCredentials.statusCode()).isEqualTo(400);
        assertThat(clientCredentials.body()).contains("client-credentials");
        assertThat(api("POST", "/api/system-auth/nowhere/check", null, "operator").statusCode()).isEqualTo(404);
    }

    private String provisionAMatterInTheDms() {
        String number = newMatterNumber();
        long client = sandbox.createClient("Proseware " + number, "Company");
        sandbox.createMatter(number, "Proseware licensing " + number, client, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.dmsWorkspaces(number).size() == 1);
        return number;
    }

    private JsonNode openDeadLetter(String number, String target) {
        for (JsonNode item : deadLetterPage("q=" + number + "&status=open").get("items")) {
            if (item.get("target").asText().equals(target)) {
                return item;
            }
        }
        return null;
    }

    private JsonNode apiJson(String method, String path) {
        HttpResponse<String> answer = api(method, path, null, method.equals("GET") ? "viewer" : "operator");
        assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isEqualTo(200);
        try {
            return SandboxClient.JSON.readTree(answer.body());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode find(JsonNode systems, String name) {
        for (JsonNode s : systems) {
            if (s.get("system").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no " + name + " in " + systems);
    }

    private com.fasterxml.jackson.databind.node.ObjectNode litigation() {
        com.fasterxml.jackson.databind.node.ObjectNode extra = SandboxClient.JSON.createObjectNode();
        extra.putObject("practice_area").put("id", sandbox.practiceAreaId("Litigation"));
        return extra;
    }
}
