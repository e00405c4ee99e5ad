package io.legalhub.ledes;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One line item of a LEDES 1998B invoice. Empty fields are null. Each amount is kept twice: as a
 * BigDecimal to compute with and as the text the file had ({@code ...AsWritten}), because BigDecimal
 * cannot tell {@code 1250.} from {@code 1250} and the hub promises to hand amounts on exactly as written.
 * Either half may be given; the compact constructor fills in the other.
 */
public record LedesLineItem(
        String lineItemNumber,
        LineItemType type,
        BigDecimal units,
        String unitsAsWritten,
        BigDecimal adjustmentAmount,
        String adjustmentAmountAsWritten,
        BigDecimal total,
        String totalAsWritten,
        LocalDate date,
        String taskCode,
        String expenseCode,
        String activityCode,
        String timekeeperId,
        String description,
        BigDecimal unitCost,
        String unitCostAsWritten,
        String timekeeperName,
        String timekeeperClassification) {

    public LedesLineItem {
        AmountText.requireSame(units, unitsAsWritten, "units");
        AmountText.requireSame(adjustmentAmount, adjustmentAmountAsWritten, "adjustment amount");
        AmountText.requireSame(total, totalAsWritten, "line total");
        AmountText.requireSame(unitCost, unitCostAsWritten, "unit cost");
        unitsAsWritten = AmountText.written(units, unitsAsWritten);
        units = AmountText.value(units, unitsAsWritten);
        adjustmentAmountAsWritten = AmountText.written(adjustmentAmount, adjustmentAmountAsWritten);
        adjustmentAmount = AmountText.value(adjustmentAmount, adjustmentAmountAsWritten);
        totalAsWritten = AmountText.written(total, totalAsWritten);
        total = AmountText.value(total, totalAsWritten);
        unitCostAsWritten = AmountText.written(unitCost, unitCostAsWritten);
        unitCost = AmountText.value(unitCost, unitCostAsWritten);
    }
}
