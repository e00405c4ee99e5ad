package io.legalhub.production;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The DAT columns the hub understands. Producing platforms name them differently (BEGDOC, BegBates,
 * BEG_BATES, "Beginning Bates"…), so a header name is matched by its letters and digits only, ignoring
 * case, against a list of aliases. Any other column is kept as document metadata.
 */
public enum DatField {
    BEGDOC("BEGDOC", "BEGBATES", "BEGNO", "BEGINBATES", "BEGINNINGBATES", "BEGBATESNUMBER", "BATESBEGIN",
            "BATESBEG", "BEGINDOC", "BEGPROD", "PRODBEG", "PRODBEGBATES", "STARTBATES", "FIRSTBATES"),
    ENDDOC("ENDDOC", "ENDBATES", "ENDNO", "ENDINGBATES", "ENDBATESNUMBER", "BATESEND", "ENDPROD", "PRODEND",
            "PRODENDBATES", "LASTBATES"),
    BEGATTACH("BEGATTACH", "BEGATT", "BEGATTACHMENT", "BEGINATTACH", "BEGINATTACHMENT", "BEGATTACHBATES",
            "BEGFAMILY", "ATTACHBEG", "PRODBEGATTACH", "BEGATTACHMENTRANGE"),
    ENDATTACH("ENDATTACH", "ENDATT", "ENDATTACHMENT", "ENDINGATTACH", "ENDINGATTACHMENT", "ENDATTACHBATES",
            "ENDFAMILY", "ATTACHEND", "PRODENDATTACH", "ENDATTACHMENTRANGE"),
    /** The parent's BEGDOC on an attachment; some platforms send this instead of BEGATTACH/ENDATTACH. */
    PARENT("PARENTBATES", "PARENTBEGBATES", "PARENTBEGDOC", "PARENTDOC", "PARENTDOCID", "PARENTID"),
    PAGECOUNT("PAGECOUNT", "PAGES", "PGCOUNT", "PAGECNT", "NUMPAGES", "NUMBEROFPAGES", "PAGECOUNTS"),
    CUSTODIAN("CUSTODIAN", "CUST", "CUSTODIANNAME"),
    FILENAME("FILENAME", "ORIGFILENAME", "ORIGINALFILENAME", "DOCFILENAME", "NATIVEFILENAME"),
    MD5HASH("MD5HASH", "MD5", "MD5HASHVALUE", "HASHMD5", "MD5SUM");

    private final List<String> aliases;

    DatField(String... aliases) {
        this.aliases = List.of(aliases);
    }

    /** The name used in messages and by the writer, e.g. BEGDOC. */
    public String canonicalName() {
        return aliases.get(0);
    }

    public List<String> aliases() {
        return aliases;
    }

    /** "Beg_Bates" → "BEGBATES": the form aliases are compared in. */
    static String normalise(String headerName) {
        return headerName.replaceAll("[^\\p{Alnum}]", "").toUpperCase(Locale.ROOT);
    }

    /**
     * Which header column plays each role. When two columns could (BEGDOC and BEGBATES both present), the
     * one whose alias comes first in the list wins and the other stays metadata.
     */
    public static Map<DatField, String> resolveColumns(List<String> headerNames) {
        Map<DatField, String> columns = new EnumMap<>(DatField.class);
        for (DatField field : values()) {
            String best = null;
            int bestRank = Integer.MAX_VALUE;
            for (String name : headerNames) {
                int rank = field.aliases.indexOf(normalise(name));
                if (rank >= 0 && rank < bestRank && !columns.containsValue(name)) {
                    best = name;
                    bestRank = rank;
                }
            }
            if (best != null) {
                columns.put(field, best);
            }
        }
        return columns;
    }
}
