package io.legalhub.production.drop;

import java.util.stream.Collectors;

import io.legalhub.deadletter.Pinpointed;
import io.legalhub.production.InvalidLoadFileException;
import io.legalhub.production.LoadFile;
import io.legalhub.production.LoadFileViolation;

/**
 * A dropped load-file pair that is not valid, with every fault named by the file as it was dropped
 * ("GBX001.dat line 4, field CUSTODIAN: …") so the operator opens the right file at the right line.
 */
public class InvalidProductionException extends RuntimeException implements Pinpointed {

    private static final int LISTED = 20;

    private final transient InvalidLoadFileException invalid;
    private final String datFile;
    private final String optFile;

    public InvalidProductionException(DroppedProduction dropped, InvalidLoadFileException invalid) {
        super(message(dropped, invalid), invalid);
        this.invalid = invalid;
        this.datFile = dropped.datFile();
        this.optFile = dropped.optFile();
    }

    private static String message(DroppedProduction dropped, InvalidLoadFileException invalid) {
        int count = invalid.violations().size();
        String listed = invalid.violations().stream().limit(LISTED)
                .map(v -> describe(v, dropped.datFile(), dropped.optFile()))
                .collect(Collectors.joining("; "));
        return "Production " + dropped.name() + " for matter " + dropped.matterKey() + " is not valid, "
                + count + (count == 1 ? " fault" : " faults") + " in its load files: " + listed
                + (count > LISTED ? "; and " + (count - LISTED) + " more" : "")
                + ". Nothing was recorded; drop the corrected pair again.";
    }

    /** LoadFileViolation says "DAT line 4, …"; here the DAT is named as it was dropped. */
    private static String describe(LoadFileViolation violation, String datFile, String optFile) {
        String file = violation.file() == LoadFile.DAT ? datFile : optFile;
        return file + violation.describe().substring(violation.file().name().length());
    }

    @Override
    public Integer failedLine() {
        return invalid.failedLine();
    }

    /** "GBX001.dat:CUSTODIAN", or the file alone when no field is at fault. */
    @Override
    public String failedField() {
        LoadFileViolation first = invalid.violations().get(0);
        String file = first.file() == LoadFile.DAT ? datFile : optFile;
        String field = first.field() == null || first.field().isEmpty() ? file : file + ":" + first.field();
        return field.length() > 200 ? field.substring(0, 200) : field;
    }
}
