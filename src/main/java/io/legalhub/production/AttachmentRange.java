package io.legalhub.production;

/** A document's family as the DAT gives it: BEGATTACH (the parent's first page) to ENDATTACH. */
public record AttachmentRange(String beg, String end) {
}
