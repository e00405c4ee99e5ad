package io.legalhub.production;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link Production} back out as a DAT + OPT pair, so the sandbox can generate productions and
 * tests can prove a pair survives a round trip. The DAT keeps the production's own header; the OPT
 * numbers each document's pages on from its BEGDOC (image paths are generated: a production does not
 * keep them).
 */
public final class ProductionLoadFileWriter {

    private final ConcordanceDatWriter datWriter;
    private final OpticonOptWriter optWriter;

    public ProductionLoadFileWriter() {
        this(new ConcordanceDatWriter(), new OpticonOptWriter());
    }

    public ProductionLoadFileWriter(ConcordanceDatWriter datWriter, OpticonOptWriter optWriter) {
        this.datWriter = datWriter;
        this.optWriter = optWriter;
    }

    public LoadFilePair write(Production production) {
        Map<DatField, String> columns = DatField.resolveColumns(production.datFieldNames());
        List<Map<String, String>> rows = new ArrayList<>();
        List<OptPage> pages = new ArrayList<>();
        for (ProductionDocument document : production.documents()) {
            rows.add(row(production.datFieldNames(), columns, document));
            pages.addAll(OpticonOptWriter.documentPages(production.volume(), BatesNumber.parse(document.begBates()),
                    document.pages(), pages.size()));
        }
        return new LoadFilePair(datWriter.write(production.datFieldNames(), rows), optWriter.write(pages));
    }

    private static Map<String, String> row(List<String> fieldNames, Map<DatField, String> columns, ProductionDocument document) {
        Map<String, String> row = new LinkedHashMap<>(document.metadata());
        AttachmentRange range = document.attachmentRange();
        put(row, columns, DatField.BEGDOC, document.begBates());
        put(row, columns, DatField.ENDDOC, document.endBates());
        put(row, columns, DatField.BEGATTACH, range == null ? null : range.beg());
        put(row, columns, DatField.ENDATTACH, range == null ? null : range.end());
        put(row, columns, DatField.PARENT, document.parentBates());
        put(row, columns, DatField.PAGECOUNT, Integer.toString(document.pages()));
        put(row, columns, DatField.CUSTODIAN, document.custodian());
        put(row, columns, DatField.FILENAME, document.fileName());
        put(row, columns, DatField.MD5HASH, document.md5());
        fieldNames.forEach(name -> row.putIfAbsent(name, ""));
        return row;
    }

    private static void put(Map<String, String> row, Map<DatField, String> columns, DatField field, String value) {
        String column = columns.get(field);
        if (column != null) {
            row.put(column, value == null ? "" : value);
        }
    }
}
