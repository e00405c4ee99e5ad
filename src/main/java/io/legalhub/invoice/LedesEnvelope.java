package io.legalhub.invoice;

import io.legalhub.canonical.ContentHash;

/**
 * What a LEDES arrival carries beyond the hub's envelope ({@link io.legalhub.messaging.Envelope}), and how its
 * message id is made. The id is derived from where the file came from and a hash of its text, so the same
 * file arriving again (dropped twice, or exported again after a crash before the poll saved its position) is
 * recognised: a dropped duplicate is not queued again, and a failure updates the open dead letter instead of
 * adding a second one.
 */
public final class LedesEnvelope {

    /** Where the text came from, for messages: "LEDES file march.txt" or "billing's LEDES export of …". */
    public static final String SOURCE_FILE = "hubSourceFile";
    /** On an invoice cut out of a file with several: its physical lines in that file ("lines 5–7"). */
    public static final String SOURCE_LINES = "hubSourceLines";

    /** The message id column holds 100 characters; names are cut well below that. */
    private static final int MAX_NAME = 60;

    private LedesEnvelope() {
    }

    public static String fileMessageId(String fileName, String text) {
        String name = fileName.length() <= MAX_NAME ? fileName : fileName.substring(0, MAX_NAME);
        return "file:" + name + ":" + ContentHash.sha256(text).substring(0, 16);
    }

    public static String exportMessageId(String system, String text) {
        return "poll:" + system + ":" + ContentHash.sha256(text).substring(0, 16);
    }

    /** One invoice of a file holding several: the file's id plus the invoice number. */
    public static String invoiceMessageId(String fileMessageId, String invoiceNumber) {
        return fileMessageId + "/" + invoiceNumber;
    }
}
