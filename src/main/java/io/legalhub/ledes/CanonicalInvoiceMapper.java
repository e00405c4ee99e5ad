package io.legalhub.ledes;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * LEDES invoice ⇄ canonical invoice JSON ({@code mappings/canonical/invoice.schema.json}).
 * Amounts travel as JSON strings holding the decimal exactly as the file wrote it, so no system on the
 * way turns 0.10 into 0.1 or 1350.00 into a binary float. Empty LEDES fields become JSON null and back.
 * LEDES 1998B has no currency field, so the currency is the mapper's setting (USD unless told otherwise)
 * and is not written back.
 */
public class CanonicalInvoiceMapper {

    public static final int SCHEMA_VERSION = 1;
    public static final String ENTITY = "invoice";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String currency;

    public CanonicalInvoiceMapper() {
        this("USD");
    }

    /** @param currency ISO 4217 code the firm bills 1998B invoices in */
    public CanonicalInvoiceMapper(String currency) {
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code such as USD, not " + currency);
        }
        this.currency = currency;
    }

    /** An invoice as the billing system sent it: status submitted. */
    public ObjectNode toCanonical(LedesInvoice invoice, CanonicalSource source) {
        return toCanonical(invoice, source, InvoiceStatus.SUBMITTED, null);
    }

    /**
     * @param rejectionReason written only when not null (normally with status rejected)
     * @throws IllegalArgumentException when a field the canonical invoice requires is missing, which only
     *                                  happens for invoices from a file that did not validate
     */
    public ObjectNode toCanonical(LedesInvoice invoice, CanonicalSource source, InvoiceStatus status, String rejectionReason) {
        String number = require(invoice.invoiceNumber(), invoice, "INVOICE_NUMBER");
        ObjectNode json = JSON.objectNode();
        json.put("schemaVersion", SCHEMA_VERSION);
        json.put("entity", ENTITY);
        json.put("key", number);
        json.put("invoiceNumber", number);
        json.put("invoiceDate", iso(require(invoice.invoiceDate(), invoice, "INVOICE_DATE")));
        json.put("clientId", require(invoice.clientId(), invoice, "CLIENT_ID"));
        json.put("lawFirmId", require(invoice.lawFirmId(), invoice, "LAW_FIRM_ID"));
        json.put("lawFirmMatterId", require(invoice.lawFirmMatterId(), invoice, "LAW_FIRM_MATTER_ID"));
        json.put("clientMatterId", invoice.clientMatterId());
        // The firm's matter number is the key the hub's canonical matter uses, so invoices join matters on it.
        json.put("matterKey", invoice.lawFirmMatterId());
        json.put("currency", currency);
        json.put("total", require(invoice.totalAsWritten(), invoice, "INVOICE_TOTAL"));
        ObjectNode period = json.putObject("billingPeriod");
        period.put("start", iso(require(invoice.billingStartDate(), invoice, "BILLING_START_DATE")));
        period.put("end", iso(require(invoice.billingEndDate(), invoice, "BILLING_END_DATE")));
        json.put("description", invoice.description());
        json.put("status", status.canonicalName());
        if (rejectionReason != null) {
            json.put("rejectionReason", rejectionReason);
        }
        if (invoice.lines().isEmpty()) {
            throw new IllegalArgumentException("invoice " + number + " has no line items");
        }
        ArrayNode lines = json.putArray("lines");
        for (LedesLineItem line : invoice.lines()) {
            lines.add(toCanonical(invoice, line));
        }
        ObjectNode from = json.putObject("source");
        from.put("system", source.system());
        from.put("id", source.id());
        from.put("version", source.version());
        return json;
    }

    private static ObjectNode toCanonical(LedesInvoice invoice, LedesLineItem line) {
        ObjectNode json = JSON.objectNode();
        json.put("lineNumber", require(line.lineItemNumber(), invoice, "LINE_ITEM_NUMBER"));
        json.put("type", require(line.type(), invoice, "EXP/FEE/INV_ADJ_TYPE").canonicalName());
        json.put("date", iso(require(line.date(), invoice, "LINE_ITEM_DATE")));
        json.put("units", line.unitsAsWritten());
        json.put("unitCost", line.unitCostAsWritten());
        json.put("adjustment", line.adjustmentAmountAsWritten());
        json.put("total", require(line.totalAsWritten(), invoice, "LINE_ITEM_TOTAL"));
        json.put("taskCode", line.taskCode());
        json.put("activityCode", line.activityCode());
        json.put("expenseCode", line.expenseCode());
        if (line.timekeeperId() == null && line.timekeeperName() == null && line.timekeeperClassification() == null) {
            json.putNull("timekeeper");
        } else {
            ObjectNode timekeeper = json.putObject("timekeeper");
            timekeeper.put("id", line.timekeeperId());
            timekeeper.put("name", line.timekeeperName());
            timekeeper.put("classification", line.timekeeperClassification());
        }
        json.put("description", line.description());
        return json;
    }

    /**
     * @throws IllegalArgumentException naming the JSON path, when the JSON is not a canonical invoice that
     *                                  LEDES 1998B can carry
     */
    public LedesInvoice fromCanonical(JsonNode json) {
        Reader in = new Reader(json);
        if (!ENTITY.equals(in.optional("/entity"))) {
            throw new IllegalArgumentException("canonical JSON is not an invoice: /entity is " + json.at("/entity"));
        }
        JsonNode lineNodes = json.path("lines");
        if (!lineNodes.isArray() || lineNodes.isEmpty()) {
            throw new IllegalArgumentException(in.what() + "/lines is missing or empty");
        }
        List<LedesLineItem> lines = new ArrayList<>(lineNodes.size());
        for (int i = 0; i < lineNodes.size(); i++) {
            lines.add(lineFromCanonical(in, "/lines/" + i));
        }
        String total = in.amount("/total", LedesField.INVOICE_TOTAL, true);
        return new LedesInvoice(
                in.required("/invoiceNumber"),
                in.date("/invoiceDate", true),
                in.required("/clientId"),
                in.required("/lawFirmMatterId"),
                null, total,
                in.date("/billingPeriod/start", true),
                in.date("/billingPeriod/end", true),
                in.optional("/description"),
                in.required("/lawFirmId"),
                in.optional("/clientMatterId"),
                lines);
    }

    private static LedesLineItem lineFromCanonical(Reader in, String at) {
        String typeName = in.required(at + "/type");
        LineItemType type = LineItemType.fromCanonicalName(typeName).orElseThrow(() -> new IllegalArgumentException(
                in.what() + at + "/type is " + typeName + "; expected fee, expense, fee-adjustment or expense-adjustment"));
        return new LedesLineItem(
                in.required(at + "/lineNumber"),
                type,
                null, in.amount(at + "/units", LedesField.LINE_ITEM_NUMBER_OF_UNITS, false),
                null, in.amount(at + "/adjustment", LedesField.LINE_ITEM_ADJUSTMENT_AMOUNT, false),
                null, in.amount(at + "/total", LedesField.LINE_ITEM_TOTAL, true),
                in.date(at + "/date", true),
                in.optional(at + "/taskCode"),
                in.optional(at + "/expenseCode"),
                in.optional(at + "/activityCode"),
                in.optional(at + "/timekeeper/id"),
                in.optional(at + "/description"),
                null, in.amount(at + "/unitCost", LedesField.LINE_ITEM_UNIT_COST, false),
                in.optional(at + "/timekeeper/name"),
                in.optional(at + "/timekeeper/classification"));
    }

    /** Reads values by JSON pointer and names the pointer when one is missing or malformed. */
    private static final class Reader {
        private final JsonNode json;

        Reader(JsonNode json) {
            this.json = json;
        }

        String what() {
            JsonNode number = json.at("/invoiceNumber");
            return "canonical invoice" + (number.isTextual() ? " " + number.asText() : "") + ": ";
        }

        /** Text, or null when absent, null or empty. */
        String optional(String pointer) {
            JsonNode node = json.at(pointer);
            if (node.isMissingNode() || node.isNull()) {
                return null;
            }
            if (!node.isValueNode() || node.isBoolean()) {
                throw new IllegalArgumentException(what() + pointer + " must be a string");
            }
            String text = node.asText();
            return text.isEmpty() ? null : text;
        }

        String required(String pointer) {
            String text = optional(pointer);
            if (text == null) {
                throw new IllegalArgumentException(what() + pointer + " is missing");
            }
            return text;
        }

        LocalDate date(String pointer, boolean required) {
            String text = required ? required(pointer) : optional(pointer);
            if (text == null) {
                return null;
            }
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(what() + pointer + " is " + text + ", not a date like 2026-10-31");
            }
        }

        /** The amount text, kept exactly; numbers are accepted too, written as their plain decimal. */
        String amount(String pointer, LedesField field, boolean required) {
            JsonNode node = json.at(pointer);
            String text = node.isNumber() ? node.decimalValue().toPlainString() : required ? required(pointer) : optional(pointer);
            if (text == null) {
                return null;
            }
            String problem = LedesAmounts.problem(text, field.limit());
            if (problem != null) {
                throw new IllegalArgumentException(what() + pointer + " " + text + " " + problem);
            }
            return text;
        }
    }

    private static <T> T require(T value, LedesInvoice invoice, String field) {
        if (value == null) {
            throw new IllegalArgumentException("invoice " + invoice.invoiceNumber() + " has no " + field
                    + "; only invoices from a valid LEDES file can become canonical invoices");
        }
        return value;
    }

    private static String iso(LocalDate date) {
        return date.toString();
    }
}
