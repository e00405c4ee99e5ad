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
    void badOptionsAreReportedClearly() {
        assertThatThrownBy(() -> SandboxMain.parse(new String[]{"--webhook-url.dms=http://x"})).hasMessageContaining("--webhook-secret.dms");
        assertThatThrownBy(() -> SandboxMain.parse(new String[]{"--token.timekeeping=x"})).hasMessageContaining("timekeeping")
                .hasMessageContaining("ebilling");
        assertThatThrownBy(() -> SandboxMain.parse(new String[]{"--port=abc"})).hasMessageContaining("--port");
        assertThatThrownBy(() -> SandboxMain.parse(new String[]{"--colour=blue"})).hasMessageContaining("--colour");
    }
}
