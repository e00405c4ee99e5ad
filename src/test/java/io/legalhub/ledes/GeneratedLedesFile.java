package io.legalhub.ledes;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Builds valid LEDES 1998B files of any size for tests: fee lines with varying units and rates, every
 * tenth line an expense, the last line an invoice-level fee discount, split over several invoices.
 */
final class GeneratedLedesFile {

    private static final String[][] FEES = {
            {"L110", "A101", "TK101", "Rivera, Ana", "PARTNR", "450.00"},
            {"L120", "A104", "TK205", "Chen, David", "ASSOC", "300.00"},
            {"L310", "A103", "TK310", "Okafor, Grace", "PARALG", "175.00"},
    };
    private static final String[] EXPENSE_CODES = {"E101", "E107", "E112", "E115"};

    private GeneratedLedesFile() {
    }

    static String build(int lines, int invoices) {
        int perInvoice = (lines + invoices - 1) / invoices;
        StringBuilder body = new StringBuilder();
        int written = 0;
        for (int inv = 1; inv <= invoices && written < lines; inv++) {
            int count = Math.min(perInvoice, lines - written);
            StringBuilder invoiceLines = new StringBuilder();
            BigDecimal sum = BigDecimal.ZERO;
            String[][] rows = new String[count][];
            for (int i = 1; i <= count; i++) {
                String[] row = new String[LedesField.COUNT];
                java.util.Arrays.fill(row, "");
                row[LedesField.LINE_ITEM_NUMBER.index()] = String.valueOf(i);
                row[LedesField.LINE_ITEM_DATE.index()] = String.format("202610%02d", 1 + i % 28);
                row[LedesField.LINE_ITEM_ADJUSTMENT_AMOUNT.index()] = "0.00";
                BigDecimal total;
                if (i == count && count > 1) {
                    row[LedesField.TYPE.index()] = "IF";
                    row[LedesField.LINE_ITEM_ADJUSTMENT_AMOUNT.index()] = "-25.00";
                    row[LedesField.LINE_ITEM_DESCRIPTION.index()] = "Invoice-level fee discount";
                    total = new BigDecimal("-25.00");
                } else if (i % 10 == 0) {
                    row[LedesField.TYPE.index()] = "E";
                    BigDecimal units = BigDecimal.valueOf(1 + i % 50);
                    BigDecimal cost = new BigDecimal("0.10");
                    row[LedesField.LINE_ITEM_NUMBER_OF_UNITS.index()] = units.toPlainString();
                    row[LedesField.LINE_ITEM_UNIT_COST.index()] = cost.toPlainString();
                    row[LedesField.LINE_ITEM_EXPENSE_CODE.index()] = EXPENSE_CODES[i % EXPENSE_CODES.length];
                    row[LedesField.LINE_ITEM_DESCRIPTION.index()] = "Expense item " + i;
                    total = units.multiply(cost).setScale(2, RoundingMode.HALF_UP);
                } else {
                    String[] fee = FEES[i % FEES.length];
                    row[LedesField.TYPE.index()] = "F";
                    BigDecimal units = BigDecimal.valueOf(1 + i % 30, 1);
                    BigDecimal cost = new BigDecimal(fee[5]);
                    row[LedesField.LINE_ITEM_NUMBER_OF_UNITS.index()] = units.toPlainString();
                    row[LedesField.LINE_ITEM_UNIT_COST.index()] = cost.toPlainString();
                    row[LedesField.LINE_ITEM_TASK_CODE.index()] = fee[0];
                    row[LedesField.LINE_ITEM_ACTIVITY_CODE.index()] = fee[1];
                    row[LedesField.TIMEKEEPER_ID.index()] = fee[2];
                    row[LedesField.TIMEKEEPER_NAME.index()] = fee[3];
                    row[LedesField.TIMEKEEPER_CLASSIFICATION.index()] = fee[4];
                    row[LedesField.LINE_ITEM_DESCRIPTION.index()] = "Work item " + i + " for inv " + inv;
                    total = units.multiply(cost).setScale(2, RoundingMode.HALF_UP);
                }
                row[LedesField.LINE_ITEM_TOTAL.index()] = total.toPlainString();
                sum = sum.add(total);
                rows[i - 1] = row;
            }
            for (String[] row : rows) {
                row[LedesField.INVOICE_DATE.index()] = "20261031";
                row[LedesField.INVOICE_NUMBER.index()] = "GEN" + (1000 + inv);
                row[LedesField.CLIENT_ID.index()] = "CLIENT-" + inv;
                row[LedesField.LAW_FIRM_MATTER_ID.index()] = "2026-" + (100 + inv);
                row[LedesField.INVOICE_TOTAL.index()] = sum.toPlainString();
                row[LedesField.BILLING_START_DATE.index()] = "20261001";
                row[LedesField.BILLING_END_DATE.index()] = "20261031";
                row[LedesField.INVOICE_DESCRIPTION.index()] = "Generated invoice " + inv;
                row[LedesField.LAW_FIRM_ID.index()] = "36-4412987";
                row[LedesField.CLIENT_MATTER_ID.index()] = "CM-" + inv;
                invoiceLines.append(String.join("|", row)).append("[]\n");
            }
            body.append(invoiceLines);
            written += count;
        }
        return LedesFormat.VERSION_LINE + "\n" + LedesFormat.HEADER_LINE + "\n" + body;
    }
}
