package io.legalhub.ledes;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The UTBMS task, activity and expense codes and the LEDES timekeeper classifications the hub accepts,
 * read from a CSV with columns {@code code_set,code,name}. The shipped list is the classpath resource
 * {@value #DEFAULT_RESOURCE}; a firm whose clients use other code sets ships its own CSV instead
 * (property {@code hub.ledes.code-list}). Codes are matched ignoring letter case.
 */
public final class UtbmsCodeList {

    public static final String DEFAULT_RESOURCE = "ledes/utbms-codes.csv";

    private final Map<String, List<UtbmsCode>> byCode = new HashMap<>();
    private final int size;

    /** The shipped list. */
    public UtbmsCodeList() {
        this(openDefault());
    }

    /** A list from any CSV with the columns {@code code_set,code,name} (header row first, in any order). */
    public UtbmsCodeList(Reader csv) {
        List<List<String>> rows = SimpleCsv.read(csv);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("code list CSV is empty; it needs the header code_set,code,name");
        }
        List<String> header = rows.get(0);
        int setColumn = column(header, "code_set");
        int codeColumn = column(header, "code");
        int nameColumn = column(header, "name");
        int count = 0;
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            String set = cell(row, setColumn).trim();
            String code = cell(row, codeColumn).trim();
            if (set.isEmpty() || code.isEmpty()) {
                throw new IllegalArgumentException("code list CSV row " + (r + 1) + " has no code_set or no code");
            }
            byCode.computeIfAbsent(key(code), k -> new ArrayList<>(1)).add(new UtbmsCode(set, code, cell(row, nameColumn).trim()));
            count++;
        }
        this.size = count;
    }

    public static UtbmsCodeList fromPath(Path csv) {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return new UtbmsCodeList(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read code list " + csv, e);
        }
    }

    public static UtbmsCodeList fromStream(InputStream csv) {
        try (Reader reader = new InputStreamReader(csv, StandardCharsets.UTF_8)) {
            return new UtbmsCodeList(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read code list", e);
        }
    }

    /** Number of rows read. */
    public int size() {
        return size;
    }

    /** Every entry with this code, in any code set. */
    public List<UtbmsCode> lookup(String code) {
        if (code == null) {
            return List.of();
        }
        return Collections.unmodifiableList(byCode.getOrDefault(key(code), List.of()));
    }

    /** The entry with this code in a code set of the given kind. */
    public Optional<UtbmsCode> find(String code, UtbmsCode.Kind kind) {
        for (UtbmsCode entry : lookup(code)) {
            if (entry.kind() == kind) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    public boolean isTaskCode(String code) {
        return find(code, UtbmsCode.Kind.TASK).isPresent();
    }

    public boolean isActivityCode(String code) {
        return find(code, UtbmsCode.Kind.ACTIVITY).isPresent();
    }

    public boolean isExpenseCode(String code) {
        return find(code, UtbmsCode.Kind.EXPENSE).isPresent();
    }

    /**
     * The current classification that has the same name as a legacy one (PT "Partner" → PARTNR), so a
     * warning can tell the sender what to write instead.
     */
    public Optional<UtbmsCode> currentEquivalentOf(UtbmsCode legacy) {
        if (legacy.name() == null || legacy.name().isBlank()) {
            return Optional.empty();
        }
        for (List<UtbmsCode> entries : byCode.values()) {
            for (UtbmsCode entry : entries) {
                if (entry.kind() == UtbmsCode.Kind.TIMEKEEPER && entry.name().equalsIgnoreCase(legacy.name())) {
                    return Optional.of(entry);
                }
            }
        }
        return Optional.empty();
    }

    private static String key(String code) {
        return code.trim().toUpperCase(Locale.ROOT);
    }

    private static int column(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            String cell = header.get(i).trim();
            if (i == 0 && cell.startsWith("\uFEFF")) {
                cell = cell.substring(1);
            }
            if (cell.equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("code list CSV has no column " + name + "; it needs code_set,code,name");
    }

    private static String cell(List<String> row, int column) {
        return column < row.size() ? row.get(column) : "";
    }

    private static Reader openDefault() {
        InputStream in = UtbmsCodeList.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE);
        if (in == null) {
            throw new IllegalStateException("classpath resource " + DEFAULT_RESOURCE + " is missing");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
