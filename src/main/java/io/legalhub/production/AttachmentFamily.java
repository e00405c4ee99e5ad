package io.legalhub.production;

import java.util.List;

/**
 * A parent document and its attachments, produced together.
 *
 * @param begAttach   first page of the family (the parent's BEGDOC)
 * @param endAttach   last page of the family
 * @param parentBates the parent's BEGDOC
 * @param documents   BEGDOC of every member produced, parent first when it was produced
 */
public record AttachmentFamily(String begAttach, String endAttach, String parentBates, List<String> documents) {

    public AttachmentFamily {
        documents = List.copyOf(documents);
    }
}
