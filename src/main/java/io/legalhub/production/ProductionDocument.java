package io.legalhub.production;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One produced document.
 *
 * @param begBates        first page (DAT BEGDOC)
 * @param endBates        last page (DAT ENDDOC, or the last OPT page when the DAT leaves it empty)
 * @param pages           pages imaged in the OPT (the DAT PAGECOUNT when the OPT has none for it)
 * @param custodian       whose data it came from; null when not given
 * @param fileName        original file name; null when not given
 * @param md5             MD5 hash of the native; null when not given
 * @param parentBates     the parent's BEGDOC when this is an attachment; null for a parent or stand-alone
 * @param attachmentRange the family range (BEGATTACH–ENDATTACH); null when the DAT gives none
 * @param metadata        every other DAT field, by header name, in header order
 */
public record ProductionDocument(String begBates, String endBates, int pages, String custodian, String fileName,
                                 String md5, String parentBates, AttachmentRange attachmentRange,
                                 Map<String, String> metadata) {

    public ProductionDocument {
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
}
