package io.legalhub.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The shared LEDES samples (src/test/resources/ledes) made fit for end-to-end tests: every invoice number
 * replaced by one no other test uses (same length, so overlong stays overlong and a dash stays a dash), and the
 * file written into the drop folder the way a careful sender does (a temporary name, then a rename).
 */
public final class LedesSamples {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private LedesSamples() {
    }

    /** File names of every sample, sorted. */
    public static List<String> names() {
        try (Stream<Path> files = Files.list(Path.of(LedesSamples.class.getClassLoader().getResource("ledes").toURI()))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt")).sorted().toList();
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A sample byte for byte (BOM and CRLF kept). */
    public static String read(String name) {
        try (InputStream in = LedesSamples.class.getClassLoader().getResourceAsStream("ledes/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample ledes/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A token no other test uses: "X" and six letters or digits. */
    public static String newToken() {
        StringBuilder token = new StringBuilder("X");
        for (int i = 0; i < 6; i++) {
            token.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return token.toString();
    }

    /** The invoice number a sample number becomes under a token: the token over its first seven characters. */
    public static String renumbered(String original, String token) {
        return original.length() <= token.length() ? token : token + original.substring(token.length());
    }

    /**
     * The text with every INVOICE_NUMBER renumbered under the token and LAW_FIRM_MATTER_IDs replaced as mapped,
     * on every line after the first two; line ends kept.
     */
    public static String rewrite(String text, String token, Map<String, String> matters) {
        StringBuilder out = new StringBuilder(text.length() + 64);
        int line = 0;
        for (String physical : linesWithEnds(text)) {
            line++;
            if (line <= 2 || physical.indexOf('|') < 0) {
                out.append(physical);
                continue;
            }
            String[] fields = physical.split("\\|", -1);
            if (fields.length > 1 && !fields[1].isEmpty()) {
                fields[1] = renumbered(fields[1], token);
            }
            if (fields.length > 3 && matters.containsKey(fields[3])) {
                fields[3] = matters.get(fields[3]);
            }
            out.append(String.join("|", fields));
        }
        return out.toString();
    }

    /** Replaces the LAW_FIRM_MATTER_ID of every data line. */
    public static String withMatter(String text, String matterNumber) {
        StringBuilder out = new StringBuilder(text.length() + 64);
        int line = 0;
        for (String physical : linesWithEnds(text)) {
            line++;
            String[] fields = physical.split("\\|", -1);
            if (line > 2 && fields.length > 3) {
                fields[3] = matterNumber;
                out.append(String.join("|", fields));
            } else {
                out.append(physical);
            }
        }
        return out.toString();
    }

    /** Writes the file under a temporary name the drop folder ignores, then renames it into place. */
    public static Path drop(Path folder, String fileName, byte[] content) {
        try {
            Files.createDirectories(folder);
            Path partial = folder.resolve(fileName + ".part");
            Files.write(partial, content);
            return Files.move(partial, folder.resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path drop(Path folder, String fileName, String text) {
        return drop(folder, fileName, text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> linesWithEnds(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }
}
