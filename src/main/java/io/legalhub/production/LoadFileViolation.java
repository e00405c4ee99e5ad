package io.legalhub.production;

/**
 * One thing wrong with a load file, located well enough for an operator to open the file and fix it.
 *
 * @param file    the DAT or the OPT
 * @param line    1-based line in that file; null only when no single line is at fault
 * @param field   the field (DAT column name, or OPT field) at fault, when known
 * @param message what is wrong, in plain words, without the location (see {@link #describe()})
 */
public record LoadFileViolation(LoadFile file, Integer line, String field, String message) {

    public static LoadFileViolation dat(Integer line, String field, String message) {
        return new LoadFileViolation(LoadFile.DAT, line, field, message);
    }

    public static LoadFileViolation opt(Integer line, String field, String message) {
        return new LoadFileViolation(LoadFile.OPT, line, field, message);
    }

    /** "DAT line 3, field CUSTODIAN: …" — the form dead letters and logs show. */
    public String describe() {
        StringBuilder where = new StringBuilder(file.name());
        if (line != null) {
            where.append(" line ").append(line);
        }
        if (field != null && !field.isEmpty()) {
            where.append(", field ").append(field);
        }
        return where + ": " + message;
    }
}
