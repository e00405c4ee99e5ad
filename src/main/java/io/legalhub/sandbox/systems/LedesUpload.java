package io.legalhub.sandbox.systems;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The invoice facts an e-billing platform reads from one accepted LEDES 1998B upload. Internal. */
record LedesUpload(String invoiceNumber, String lawFirmId, String clientId, String matterNumber,
                   String clientMatterId, LocalDate invoiceDate, BigDecimal total, int lineCount) {
}
