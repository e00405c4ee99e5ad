package io.legalhub.ledes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class LedesConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(LedesConfiguration.class);

    @Test
    void validatorUsesTheShippedCodeListByDefault() {
        context.run(ctx -> {
            assertThat(ctx.getBean(UtbmsCodeList.class).size()).isEqualTo(126);
            assertThat(ctx.getBean(LedesValidator.class).validate(LedesTestFiles.read("valid-two-fee-lines.txt")).valid()).isTrue();
            assertThat(ctx).hasSingleBean(LedesWriter.class).hasSingleBean(CanonicalInvoiceMapper.class);
        });
    }

    @Test
    void codeListLocationIsConfigurable(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("firm-codes.csv");
        Files.writeString(csv, "code_set,code,name\nlitigation,L110,Fact Investigation/Development\n");

        context.withPropertyValues("hub.ledes.code-list=file:" + csv).run(ctx -> {
            assertThat(ctx.getBean(UtbmsCodeList.class).size()).isEqualTo(1);
            assertThat(ctx.getBean(LedesValidator.class).codeList().isTaskCode("L120")).isFalse();
        });
    }

    @Test
    void missingCodeListFailsStartupNamingTheProperty() {
        context.withPropertyValues("hub.ledes.code-list=file:/nonexistent/codes.csv").run(ctx ->
                assertThat(ctx).getFailure().rootCause().hasMessageContaining("codes.csv"));
    }
}
