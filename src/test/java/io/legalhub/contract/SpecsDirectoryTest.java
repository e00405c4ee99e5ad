package io.legalhub.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the specs are read from, and what happens without them. */
class SpecsDirectoryTest {

    @TempDir
    Path temp;

    private void specsIn(Path dir) throws Exception {
        Files.createDirectories(dir);
        for (VendorSpec spec : VendorSpec.values()) {
            Files.writeString(dir.resolve(spec.file()), "{}");
        }
    }

    @Test
    void byDefaultTheyAreTheSharedSpecsBesideTheProject() throws Exception {
        Path project = temp.resolve("work/main");
        Files.createDirectories(project);
        specsIn(temp.resolve("work/shared/specs"));

        assertThat(SpecsDirectory.find(null, project, true)).contains(temp.resolve("work/shared/specs").toAbsolutePath());
    }

    @Test
    void theHubSpecsDirPropertyOverridesTheDefault() throws Exception {
        specsIn(temp.resolve("elsewhere"));

        assertThat(SpecsDirectory.find(temp.resolve("elsewhere").toString(), temp.resolve("project"), true))
                .contains(temp.resolve("elsewhere").toAbsolutePath());
    }

    @Test
    void missingSpecsAreSkippedOnADevelopersMachine() {
        assertThat(SpecsDirectory.find(null, temp.resolve("project"), false)).isEmpty();
    }

    @Test
    void missingSpecsFailWithAClearMessageWhereTheyAreRequired() {
        assertThatThrownBy(() -> SpecsDirectory.find(null, temp.resolve("project"), true))
                .isInstanceOf(SpecsDirectory.MissingSpecsException.class)
                .hasMessageContaining("no directory " + temp.resolve("shared/specs").toAbsolutePath())
                .hasMessageContaining("-Dhub.specs.dir")
                .hasMessageContaining("HUB_IT_REQUIRED=true");
    }

    @Test
    void aDirectoryLackingOneSpecCountsAsMissingAndNamesIt() throws Exception {
        specsIn(temp.resolve("specs"));
        Files.delete(temp.resolve("specs").resolve(VendorSpec.CLIO_MANAGE.file()));

        assertThatThrownBy(() -> SpecsDirectory.find(temp.resolve("specs").toString(), temp, true))
                .hasMessageContaining("no " + VendorSpec.CLIO_MANAGE.file());
    }
}
