package io.legalhub.ledes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads test files from {@code src/test/resources/ledes} byte for byte (BOM and CRLF kept). */
final class LedesTestFiles {

    private LedesTestFiles() {
    }

    static String read(String name) {
        try (InputStream in = LedesTestFiles.class.getClassLoader().getResourceAsStream("ledes/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test file ledes/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
