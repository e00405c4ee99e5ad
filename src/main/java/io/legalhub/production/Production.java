package io.legalhub.production;

import java.util.List;

/**
 * What a load-file pair says was produced: the summary recorded against the matter.
 *
 * @param name          the production's name (e.g. GBX001)
 * @param volume        the OPT volume (the name when the OPT gives none)
 * @param begBates      first Bates number of the production (null when there are no documents)
 * @param endBates      last Bates number of the production (null when there are no documents)
 * @param documentCount documents in the DAT
 * @param pageCount     page images in the OPT
 * @param families      parent/attachment families
 * @param custodians    distinct custodians, sorted
 * @param documents     the documents, in DAT order
 * @param datFieldNames the DAT header, in order (kept so the production can be written back)
 */
public record Production(String name, String volume, String begBates, String endBates, int documentCount,
                         int pageCount, List<AttachmentFamily> families, List<String> custodians,
                         List<ProductionDocument> documents, List<String> datFieldNames) {

    public Production {
        families = List.copyOf(families);
        custodians = List.copyOf(custodians);
        documents = List.copyOf(documents);
        datFieldNames = List.copyOf(datFieldNames);
    }
}
