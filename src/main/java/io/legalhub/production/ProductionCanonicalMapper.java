package io.legalhub.production;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Maps a {@link Production} to the hub's canonical production record
 * ({@code mappings/canonical/production.schema.json}). Done in Java rather than JSONata because the source
 * is a pair of binary-ish load files, not JSON. The record's key is the matter and the production name
 * ({@code 2026-0012:GBX001}): a producing party names each volume once within a case, and a corrected
 * re-production arrives under the same name, but names such as PROD001 recur from case to case.
 */
public final class ProductionCanonicalMapper {

    public static final int SCHEMA_VERSION = 1;
    public static final String ENTITY = "production";
    public static final String SOURCE_SYSTEM = "ediscovery";

    private final ObjectMapper json;

    public ProductionCanonicalMapper() {
        this(new ObjectMapper());
    }

    public ProductionCanonicalMapper(ObjectMapper json) {
        this.json = json;
    }

    /**
     * @param matterKey   the matter the production belongs to; decided by the caller (drop-folder name or
     *                    sidecar), since nothing in a DAT or OPT names the matter
     * @param datFileName the DAT's file name as dropped, for the operator's trail; may be null
     */
    public ObjectNode toCanonical(Production production, String matterKey, String datFileName) {
        return toCanonical(production, matterKey, datFileName, null);
    }

    /**
     * @param sourceVersion orders re-deliveries of the same production (e.g. the drop file's modification
     *                      time in milliseconds), for the hub's stale-version guard, which reads
     *                      {@code source.version}; null leaves it out (the guard then sees 0)
     */
    public ObjectNode toCanonical(Production production, String matterKey, String datFileName, Long sourceVersion) {
        if (matterKey == null || matterKey.isBlank()) {
            throw new IllegalArgumentException("a production is recorded against a matter: matterKey is required");
        }
        String key = key(matterKey, production.name());
        ObjectNode root = json.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("entity", ENTITY);
        root.put("key", key);
        root.put("productionName", production.name());
        root.put("volume", production.volume());
        root.put("matterKey", matterKey);
        root.put("begBates", production.begBates());
        root.put("endBates", production.endBates());
        root.put("documentCount", production.documentCount());
        root.put("pageCount", production.pageCount());
        ArrayNode custodians = root.putArray("custodians");
        production.custodians().forEach(custodians::add);
        ArrayNode documents = root.putArray("documents");
        production.documents().forEach(document -> documents.add(document(document)));
        ObjectNode source = root.putObject("source");
        source.put("system", SOURCE_SYSTEM);
        source.put("id", key);
        if (sourceVersion != null) {
            source.put("version", sourceVersion);
        }
        if (datFileName != null) {
            source.put("fileName", datFileName);
        }
        return root;
    }

    /** The hub key of a production: its matter and its name, e.g. {@code 2026-0012:GBX001}. */
    public static String key(String matterKey, String productionName) {
        return matterKey + ":" + productionName;
    }

    public ObjectNode toCanonical(Production production, String matterKey) {
        return toCanonical(production, matterKey, null, null);
    }

    private ObjectNode document(ProductionDocument document) {
        ObjectNode node = json.createObjectNode();
        node.put("begBates", document.begBates());
        node.put("endBates", document.endBates());
        node.put("pages", document.pages());
        node.put("custodian", document.custodian());
        node.put("fileName", document.fileName());
        node.put("md5", document.md5());
        node.put("parentBates", document.parentBates());
        if (document.attachmentRange() == null) {
            node.putNull("attachmentRange");
        } else {
            ObjectNode range = node.putObject("attachmentRange");
            range.put("beg", document.attachmentRange().beg());
            range.put("end", document.attachmentRange().end());
        }
        ObjectNode metadata = node.putObject("metadata");
        document.metadata().forEach(metadata::put);
        return node;
    }
}
