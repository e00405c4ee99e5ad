package io.legalhub.systems;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The connected systems, as configured under {@code hub.systems}, plus outbound HTTP settings and
 * which targets each canonical entity flows to.
 */
@ConfigurationProperties(prefix = "hub")
public class HubSystemsProperties {

    private Map<String, SystemSettings> systems = new LinkedHashMap<>();
    private Http http = new Http();
    private Map<String, Flow> flows = new LinkedHashMap<>();

    public Map<String, SystemSettings> getSystems() {
        return systems;
    }

    public void setSystems(Map<String, SystemSettings> systems) {
        this.systems = systems;
    }

    public Http getHttp() {
        return http;
    }

    public void setHttp(Http http) {
        this.http = http;
    }

    public Map<String, Flow> getFlows() {
        return flows;
    }

    public void setFlows(Map<String, Flow> flows) {
        this.flows = flows;
    }

    public SystemSettings system(String name) {
        SystemSettings settings = systems.get(name);
        if (settings == null) {
            throw new UnknownSystemException(name);
        }
        return settings;
    }

    public Optional<SystemSettings> findSystem(String name) {
        return Optional.ofNullable(systems.get(name));
    }

    public Flow flow(String entity) {
        Flow flow = flows.get(entity);
        if (flow == null) {
            throw new IllegalStateException("No flow configured for entity '" + entity + "' (hub.flows." + entity + ")");
        }
        return flow;
    }

    public static class SystemSettings {
        private String baseUrl;
        private String token;
        private String webhookSecret;
        private String signatureHeader = "X-Hook-Signature";
        private Map<String, String> webhookModels = new LinkedHashMap<>();
        private Map<String, String> settings = new LinkedHashMap<>();
        private Map<String, EntityEndpoints> entities = new LinkedHashMap<>();

        public String getBaseUrl() {
            return baseUrl;
        }

        public void setBaseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        public String getToken() {
            return token;
        }

        public void setToken(String token) {
            this.token = token;
        }

        public String getWebhookSecret() {
            return webhookSecret;
        }

        public void setWebhookSecret(String webhookSecret) {
            this.webhookSecret = webhookSecret;
        }

        public String getSignatureHeader() {
            return signatureHeader;
        }

        public void setSignatureHeader(String signatureHeader) {
            this.signatureHeader = signatureHeader;
        }

        /** Webhook model name → canonical entity whose inbound queue receives it. */
        public Map<String, String> getWebhookModels() {
            return webhookModels;
        }

        public void setWebhookModels(Map<String, String> webhookModels) {
            this.webhookModels = webhookModels;
        }

        public Map<String, String> getSettings() {
            return settings;
        }

        public void setSettings(Map<String, String> settings) {
            this.settings = settings;
        }

        public Map<String, EntityEndpoints> getEntities() {
            return entities;
        }

        public void setEntities(Map<String, EntityEndpoints> entities) {
            this.entities = entities;
        }

        public EntityEndpoints endpoints(String system, String entity) {
            EntityEndpoints endpoints = entities.get(entity);
            if (endpoints == null) {
                throw new IllegalStateException(
                        "System '" + system + "' has no endpoints for '" + entity + "' (hub.systems." + system + ".entities." + entity + ")");
            }
            return endpoints;
        }
    }

    /**
     * How one entity is written to a system. Each operation is "METHOD /path?query" where {key} is the
     * record's hub key and {id} the system's own id; the *-id entries are JSON pointers into the answer.
     * The list-* entries say how reconciliation reads every record of the entity: {@code list} is
     * "METHOD /path?query" with {offset}, {page} and {limit}; the pointers find the items in a page and
     * the id and business key in an item.
     * {@code references} names records this one points to (entity → JSON pointer to that record's hub key
     * in the canonical record, e.g. {@code matter: /matterKey}); their ids in this system come from the
     * hub's cross-references and reach the mapping as {@code targetIds.<entity>}. {@code id-from} says the
     * record is written onto a referenced record (e.g. a production onto its matter's DMS workspace):
     * it is only ever updated, with that record's id, never created or looked up.
     */
    public static class EntityEndpoints {
        private String idFrom;
        private List<String> requires = List.of();
        private String lookup;
        private String lookupId;
        private String create;
        private String update;
        private String responseId;
        private String list;
        private String listItems = "";
        private String listId = "/id";
        private String listKey;
        private String listPaging = "offset";
        private String listNext;
        private int listPageSize = 100;
        private List<String> compareIgnore = List.of();

        /** Another entity whose cross-reference gives this record's id (e.g. conflict results written onto the matter). */
        private Map<String, String> references = new LinkedHashMap<>();
        private String whenReferenceUnknown = "dead-letter";

        public Map<String, String> getReferences() {
            return references;
        }

        public void setReferences(Map<String, String> references) {
            this.references = references;
        }

        /**
         * What to do with a record whose referenced record the hub has never seen: "dead-letter" (default;
         * replay once it exists) or "hold" (skip it, noted in the trail, when a later event will bring it anyway).
         */
        public String getWhenReferenceUnknown() {
            return whenReferenceUnknown;
        }

        public void setWhenReferenceUnknown(String whenReferenceUnknown) {
            this.whenReferenceUnknown = whenReferenceUnknown;
        }

        /** The referenced entity whose record this one is written onto (e.g. a conflict result onto its matter). */
        public String getIdFrom() {
            return idFrom;
        }

        public void setIdFrom(String idFrom) {
            this.idFrom = idFrom;
        }

        /** Systems that must hold the record before this one can be written (their ids are handed to the mapping). */
        public List<String> getRequires() {
            return requires;
        }

        public void setRequires(List<String> requires) {
            this.requires = requires;
        }

        public String getLookup() {
            return lookup;
        }

        public void setLookup(String lookup) {
            this.lookup = lookup;
        }

        public String getLookupId() {
            return lookupId;
        }

        public void setLookupId(String lookupId) {
            this.lookupId = lookupId;
        }

        public String getCreate() {
            return create;
        }

        public void setCreate(String create) {
            this.create = create;
        }

        public String getUpdate() {
            return update;
        }

        public void setUpdate(String update) {
            this.update = update;
        }

        public String getResponseId() {
            return responseId;
        }

        public void setResponseId(String responseId) {
            this.responseId = responseId;
        }

        public String getList() {
            return list;
        }

        public void setList(String list) {
            this.list = list;
        }

        /** JSON pointer to the array of records in a list answer ("" when the answer is the array). */
        public String getListItems() {
            return listItems;
        }

        public void setListItems(String listItems) {
            this.listItems = listItems;
        }

        public String getListId() {
            return listId;
        }

        public void setListId(String listId) {
            this.listId = listId;
        }

        /** JSON pointer to the record's business key (the hub key it should carry), e.g. /number. */
        public String getListKey() {
            return listKey;
        }

        public void setListKey(String listKey) {
            this.listKey = listKey;
        }

        /** offset (placeholders {offset}/{page}/{limit}), next-link (follow list-next) or none (one request). */
        public String getListPaging() {
            return listPaging;
        }

        public void setListPaging(String listPaging) {
            this.listPaging = listPaging;
        }

        /** JSON pointer to the next page's URL, for next-link paging. */
        public String getListNext() {
            return listNext;
        }

        public void setListNext(String listNext) {
            this.listNext = listNext;
        }

        public int getListPageSize() {
            return listPageSize;
        }

        public void setListPageSize(int listPageSize) {
            this.listPageSize = listPageSize;
        }

        /** Fields of the mapped record that the target fills itself, so reconciliation does not compare them. */
        public List<String> getCompareIgnore() {
            return compareIgnore;
        }

        public void setCompareIgnore(List<String> compareIgnore) {
            this.compareIgnore = compareIgnore;
        }
    }

    public static class Http {
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(30);

        public Duration getConnectTimeout() {
            return connectTimeout;
        }

        public void setConnectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
        }

        public Duration getRequestTimeout() {
            return requestTimeout;
        }

        public void setRequestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
        }
    }

    public static class Flow {
        private String source;
        private List<String> targets = List.of();

        public String getSource() {
            return source;
        }

        public void setSource(String source) {
            this.source = source;
        }

        public List<String> getTargets() {
            return targets;
        }

        public void setTargets(List<String> targets) {
            this.targets = targets;
        }
    }
}
