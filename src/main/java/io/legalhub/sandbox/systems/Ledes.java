package io.legalhub.sandbox.systems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Writes structured invoices as LEDES 1998B and reads the few header facts of raw LEDES text. Internal. */
final class Ledes {

    static final String FIRST_LINE = "LEDES1998B[]";
    static final List<String> FIELDS = List.of(
            "INVOICE_DATE", "INVOICE_NUMBER", "CLIENT_ID", "LAW_FIRM_MATTER_ID", "INVOICE_TOTAL", "BILLING_START_DATE",
            "BILLING_END_DATE", "INVOICE_DESCRIPTION", "LINE_ITEM_NUMBER", "EXP/FEE/INV_ADJ_TYPE",
            "LINE_ITEM_NUMBER_OF_UNITS", "LINE_ITEM_ADJUSTMENT_AMOUNT", "LINE_ITEM_TOTAL", "LINE_ITEM_DATE",
            "LINE_ITEM_TASK_CODE", "LINE_ITEM_EXPENSE_CODE", "LINE_ITEM_ACTIVITY_CODE", "TIMEKEEPER_ID",
            "LINE_ITEM_DESCRIPTION", "LAW_FIRM_ID", "LINE_ITEM_UNIT_COST", "TIMEKEEPER_NAME",
            "TIMEKEEPER_CLASSIFICATION", "CLIENT_MATTER_ID");
    static final String HEADER_LINE = String.join("|", FIELDS) + "[]";
    static final String EOL = "\n";

    /** Facts read from the first data line of a raw LEDES file (any may be null). */
    record RawFacts(String invoiceDate, String number, String clientId, String matterNumber, BigDecimal total,
                    int dataLines) {
    }

    private Ledes() {
    }

    /** A complete LEDES 1998B file: header lines, then the data lines of each structured invoice and raw section. */
    static String file(List<String> dataSections) {
        StringBuilder sb = new StringBuilder(FIRST_LINE).append(EOL).append(HEADER_LINE).append(EOL);
        for (String section : dataSections) {
            sb.append(section);
            if (!section.isEmpty() && !section.endsWith("\n")) {
                sb.append(EOL);
            }
        }
        return sb.toString();
    }

    /** The data lines of one structured invoice, each ending {@code []} and a line break. */
    static String dataLines(ObjectNode inv) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode li : inv.get("line_items")) {
            List<String> v = new ArrayList<>(24);
            v.add(date(inv, "invoice_date"));
            v.add(text(inv, "number"));
            v.add(text(inv, "client_id"));
            v.add(text(inv, "matter_number"));
            v.add(money(inv.get("total")));
            v.add(date(inv, "billing_start_date"));
            v.add(date(inv, "billing_end_date"));
            v.add(text(inv, "description"));
            v.add(text(li, "line_item_number"));
            v.add(text(li, "type"));
            v.add(plain(li.get("units")));
            v.add(money(li.get("adjustment")));
            v.add(money(li.get("total")));
            v.add(date(li, "date"));
            v.add(text(li, "task_code"));
            v.add(text(li, "expense_code"));
            v.add(text(li, "activity_code"));
            v.add(text(li, "timekeeper_id"));
            v.add(text(li, "description"));
            v.add(text(inv, "law_firm_id"));
            v.add(money(li.get("unit_cost")));
            v.add(text(li, "timekeeper_name"));
            v.add(text(li, "timekeeper_classification"));
            v.add(text(inv, "client_matter_id"));
            sb.append(String.join("|", v)).append("[]").append(EOL);
        }
        return sb.toString();
    }

    /** The part of a raw file after the two standard header lines, or null when its header is not standard. */
    static String rawDataSection(String raw) {
        String[] lines = raw.split("\r?\n", 3);
        if (lines.length >= 2 && lines[0].trim().equals(FIRST_LINE) && lines[1].trim().equals(HEADER_LINE)) {
            return lines.length == 3 ? lines[2] : "";
        }
        return null;
    }

    static RawFacts sniff(String raw) {
        List<String> data = new ArrayList<>();
        String[] lines = raw.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].trim();
            if (l.isEmpty() || (i == 0 && l.startsWith("LEDES")) || l.startsWith("INVOICE_DATE|")) {
                continue;
            }
            data.add(l);
        }
        if (data.isEmpty()) {
            return new RawFacts(null, null, null, null, null, 0);
        }
        String first = data.get(0);
        if (first.endsWith("[]")) {
            first = first.substring(0, first.length() - 2);
        }
        String[] f = first.split("\\|", -1);
        BigDecimal total = null;
        if (f.length > 4) {
            try {
                total = new BigDecimal(f[4].trim());
            } catch (NumberFormatException e) {
                total = null;
            }
        }
        return new RawFacts(f.length > 0 ? blankToNull(f[0]) : null, f.length > 1 ? blankToNull(f[1]) : null,
                f.length > 2 ? blankToNull(f[2]) : null, f.length > 3 ? blankToNull(f[3]) : null, total, data.size());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return "";
        }
        return v.asText().replace("|", "/").replace("[]", "()").replace("\r", " ").replace("\n", " ");
    }

    /** {@code 2026-01-31} → {@code 20260131}. */
    private static String date(JsonNode n, String field) {
        return text(n, field).replace("-", "");
    }

    private static String money(JsonNode v) {
        if (v == null || v.isNull()) {
            return "";
        }
        return v.decimalValue().setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String plain(JsonNode v) {
        if (v == null || v.isNull()) {
            return "";
        }
        return v.decimalValue().toPlainString();
    }
}
