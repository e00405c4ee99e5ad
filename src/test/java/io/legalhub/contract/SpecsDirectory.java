package io.legalhub.contract;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where the vendors' API descriptions are read from at test time: {@code -Dhub.specs.dir}, else
 * {@code <project dir>/../shared/specs} (surefire runs in the project directory). They are never copied into
 * the project: they are the vendors' text, kept byte for byte beside it (see that directory's README).
 *
 * <p>Without them the contract checks are skipped on a developer's machine, but fail when
 * {@code HUB_IT_REQUIRED=true} (CI), where a missing directory would otherwise pass every check unseen.
 */
public final class SpecsDirectory {

    public static final String PROPERTY = "hub.specs.dir";

    private SpecsDirectory() {
    }

    /** The directory as configured for this JVM, if it holds every spec of {@link VendorSpec}. */
    public static Optional<Path> configured() {
        return find(System.getProperty(PROPERTY), Path.of(System.getProperty("user.dir")), required());
    }

    /** Whether a missing directory is a failure rather than a skip ({@code HUB_IT_REQUIRED=true}, as in CI). */
    public static boolean required() {
        return Boolean.parseBoolean(System.getenv().getOrDefault("HUB_IT_REQUIRED", "false"));
    }

    /**
     * @param property   the value of {@code hub.specs.dir}, or {@code null}
     * @param projectDir the project directory (surefire's working directory)
     * @param required   whether a missing directory or file fails instead of being skipped
     * @return the directory, or empty when it (or one of its specs) is missing and that is allowed
     * @throws MissingSpecsException when it is missing and {@code required}
     */
    static Optional<Path> find(String property, Path projectDir, boolean required) {
        Path dir = property == null || property.isBlank()
                ? projectDir.resolve("../shared/specs").toAbsolutePath().normalize()
                : Path.of(property).toAbsolutePath().normalize();
        List<String> missing = Arrays.stream(VendorSpec.values()).map(VendorSpec::file)
                .filter(file -> !Files.isRegularFile(dir.resolve(file))).toList();
        if (missing.isEmpty()) {
            return Optional.of(dir);
        }
        if (required) {
            throw new MissingSpecsException("The vendor API specs for the contract tests are missing: "
                    + (Files.isDirectory(dir) ? "no " + String.join(", ", missing) + " in " + dir : "no directory " + dir)
                    + ". They are read from -D" + PROPERTY + " or, by default, <project>/../shared/specs."
                    + " HUB_IT_REQUIRED=true, so the contract checks may not be skipped.");
        }
        return Optional.empty();
    }

    /** The vendor specs are required here (HUB_IT_REQUIRED=true) and cannot be found. */
    public static final class MissingSpecsException extends IllegalStateException {
        MissingSpecsException(String message) {
            super(message);
        }
    }
}
