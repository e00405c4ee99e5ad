package io.legalhub.production;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One document row of a DAT.
 *
 * @param line   1-based line in the DAT
 * @param values field name (as written in the header) → value, in header order; ® already turned into a
 *               line break
 */
public record DatRecord(int line, Map<String, String> values) {

    public DatRecord {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The value of a column by its header name; "" when the column does not exist. */
    public String get(String fieldName) {
        return values.getOrDefault(fieldName, "");
    }
}
