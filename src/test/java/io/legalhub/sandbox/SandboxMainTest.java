package io.legalhub.sandbox;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxMainTest {

    @Test
    void commandLineOptionsBecomeSettings() {
        SandboxSettings s = SandboxMain.parse(new String[]{"--port=9099", "--data-dir=./data/sandbox", "--no-seed",
                "--webhook-url.matter-management=http://localhost:8080/hooks/clio", "--webhook-secret.matter-management=s3",
                "--webhook-url.dms=http://localhost:8080/hooks/dms", "--webhook-secret.dms=d",
                "--token.billing=abc", "--token.ebilling=eb", "--webhook-attempts=3", "--webhook-backoff-ms=100", "--ediscovery-job-delay-ms=2000"});
        assertThat(s.port()).isEqualTo(9099);
        assertThat(s.dataDir()).isEqualTo(Path.of("./data/sandbox"));
        assertThat(s.seed()).isFalse();
        assertThat(s.webhookTargets().get(SandboxSystem.MATTER_MANAGEMENT).url()).isEqualTo("http://localhost:8080/hooks/clio");
        assertThat(s.webhookTargets().get(SandboxSystem.DMS).secret()).isEqualTo("d");
        assertThat(s.bearerTokens()).containsEntry(SandboxSystem.BILLING, "abc").containsEntry(SandboxSystem.EBILLING, "eb");
        assertThat(s.webhookAttempts()).isEqualTo(3);
        assertThat(s.webhookBackoff()).isEqualTo(Duration.ofMillis(100));
        assertThat(s.ediscoveryJobDelay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(SandboxMain.parse(new String[0]).port()).isEqualTo(8089);
        assertThat(SandboxMain.parse(new String[]{"--help"})).isNull();
    }

    @Test
    void oauthOptionsBecomeOAuthClients() {
        SandboxSettings s = SandboxMain.parse(new String[]{"--oauth.matter-management=clio-app:clio-secret:rt-1",
                "--oauth.dms=imanage-app:imanage-secret:rt:with:colons", "--oauth.ediscovery=rel-app:rel-secret", "--token-ttl=120"});
        assertThat(s.oauthClients().get(SandboxSystem.MATTER_MANAGEMENT))
                .isEqualTo(new SandboxSettings.OAuthClient("clio-app", "clio-secret", "rt-1"));
        assertThat(s.oauthClients().get(SandboxSystem.DMS).refreshToken()).isEqualTo("rt:with:colons");
        assertThat(s.oauthClients().get(SandboxSystem.EDISCOVERY).refreshToken()).isNull();
        assertThat(s.accessTokenTtl()).isEqualTo(Duration.ofSeconds(120));
        assertThat(SandboxMain.parse(new String[0]).accessTokenTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(SandboxMain.USAGE).contains("--oauth.SYSTEM=ID:SECRET[:REFRESH_TOKEN]").contains("--token-ttl=SECONDS");
    }

    @Test
    void badOAuthOptionsAreReportedClearly() {
        assertThatThrownBy(() -> SandboxMain.parse(new String[]{"--oauth.dms=only-an-id"})).hasMessageContaining("--oauth.dms")
                .hasMessageContaining("CLIENT_ID:CLIENT_SECRET");
        assertThatThrownBy(() -> SandboxMain.parse(new String[]{"--oauth.billing=a:b"})).hasMessageContaining("billing")
                .hasMessageContaining("matter-management, dms, ediscovery");
        assertThatThrownBy(() -> SandboxMain.parse(new String[]{"--oauth.ediscovery=a:b:refresh"})).hasMessageContaining("client_credentials");
        assertThatThrownBy(() -> SandboxMain.parse(new String[]{"--oauth.dms=a:b", "--token.dms=t"})).hasMessageContaining("choose one");
        assertThatThrownBy(() -> SandboxMain.parse(new String[]{"--token-ttl=0"})).hasMessageContaining("--token-ttl");
    }

    @Test
    void badOptionsAreReportedClearly() {
        assertThatThrownBy(() -> SandboxMain.parse(new String[]{"--webhook-url.dms=http://x"})).hasMessageContaining("--webhook-secret.dms");
        assertThatThrownBy(() -> SandboxMain.parse(new String[]{"--token.timekeeping=x"})).hasMessageContaining("timekeeping")
                .hasMessageContaining("ebilling");
        assertThatThrownBy(() -> SandboxMain.parse(new String[]{"--port=abc"})).hasMessageContaining("--port");
        assertThatThrownBy(() -> SandboxMain.parse(new String[]{"--colour=blue"})).hasMessageContaining("--colour");
    }
}
