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

    public enum LookupBeforeCreate {
        WHEN_UNSURE, ALWAYS
    }

    public static class SystemSettings {
        private String baseUrl;
        private String token;
        private String webhookSecret;
        private String signatureHeader = "X-Hook-Signature";
        private Map<String, String> webhookModels = new LinkedHashMap<>();
        private Map<String, String> settings = new LinkedHashMap<>();
        private Map<String, EntityEndpoints> entities = new LinkedHashMap<>();
        private Map<String, String> headers = new LinkedHashMap<>();
        private WebhookFormat webhook = new WebhookFormat();
        private WebhookSubscriptions webhookSubscriptions;
        private SystemAuthSettings auth = new SystemAuthSettings();
        private RateLimitSettings rateLimit = new RateLimitSettings();
        private LookupBeforeCreate lookupBeforeCreate = LookupBeforeCreate.WHEN_UNSURE;
        private Integer consumers;
        private Map<String, SourceEntity> sources = new LinkedHashMap<>();

        /** How the system's webhook bodies are read (where the record, model, event and idempotency key are). */
        public WebhookFormat getWebhook() {
            return webhook;
        }

        public void setWebhook(WebhookFormat webhook) {
            this.webhook = webhook;
        }

        /** Set when the hub subscribes to the system's webhooks through its API (e.g. Clio); null: a fixed secret. */
        public WebhookSubscriptions getWebhookSubscriptions() {
            return webhookSubscriptions;
        }

        public void setWebhookSubscriptions(WebhookSubscriptions webhookSubscriptions) {
            this.webhookSubscriptions = webhookSubscriptions;
        }

        /** Per entity the system is a source of: what the hub fetches to complete a record before mapping it. */
        public Map<String, SourceEntity> getSources() {
            return sources;
        }

        public void setSources(Map<String, SourceEntity> sources) {
            this.sources = sources;
        }

        /**
         * When a create is preceded by a look-up of the record's business key: {@code when-unsure} (an earlier attempt
         * may have created it: a crash, a timeout, an ambiguous answer; or an operator's replay) or {@code always}
         * (the system already held records the hub did not create, e.g. for the first sync into a populated system).
         */
        public LookupBeforeCreate getLookupBeforeCreate() {
            return lookupBeforeCreate;
        }

        public void setLookupBeforeCreate(LookupBeforeCreate lookupBeforeCreate) {
            this.lookupBeforeCreate = lookupBeforeCreate;
        }

        /**
         * Concurrent consumers of each of the system's delivery queues (read by the deliver-to-target route; unset:
         * {@code hub.delivery.consumers}). More hide a slow system's latency; its rate limit still paces them.
         */
        public Integer getConsumers() {
            return consumers;
        }

        public void setConsumers(Integer consumers) {
            this.consumers = consumers;
        }

        /** How fast the hub may call the system (unset: as fast as its consumers go). */
        public RateLimitSettings getRateLimit() {
            return rateLimit;
        }

        public void setRateLimit(RateLimitSettings rateLimit) {
            this.rateLimit = rateLimit;
        }

        /** How the hub authenticates to the system: none, the static bearer {@code token}, or OAuth 2. */
        public SystemAuthSettings getAuth() {
            return auth;
        }

        public void setAuth(SystemAuthSettings auth) {
            this.auth = auth;
        }

        /** Headers sent with every call to the system (e.g. an API version to pin, a CSRF header the vendor requires). */
        public Map<String, String> getHeaders() {
            return headers;
        }

        public void setHeaders(Map<String, String> headers) {
            this.headers = headers;
        }

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
     * How one record (or one part of it) is written to a system. Each operation is "METHOD /path?query"; the
     * path may name {key} (the record's hub key), {id} (the system's own id), {targetIds.<entity>} (a
     * referenced record's id there) and {parts.<part>} (the id an earlier part got). The *-body entries are
     * JSON pointers into the mapping's output choosing the body of each operation ("" = the whole output,
     * the default for create and update; a lookup sends no body unless lookup-body is set). String values of a
     * body may hold ${id}, ${parts.<part>} and ${targetIds.<entity>}, filled in just before sending.
     */
    public static class WriteOperations {
        private String lookup;
        private String lookupId;
        private String lookupBody;
        private String create;
        private String createBody = "";
        private String responseId;
        private CreateJob createJob;
        private String update;
        private String updateBody = "";
        private UpdateMerge updateMerge;

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

        /** Pointer to the lookup's request body in the mapped output (e.g. a query); none: the lookup has no body. */
        public String getLookupBody() {
            return lookupBody;
        }

        public void setLookupBody(String lookupBody) {
            this.lookupBody = lookupBody;
        }

        public String getCreate() {
            return create;
        }

        public void setCreate(String create) {
            this.create = create;
        }

        public String getCreateBody() {
            return createBody;
        }

        public void setCreateBody(String createBody) {
            this.createBody = createBody;
        }

        /** Pointer to the new record's id in the create answer ("" when the answer is the bare id). */
        public String getResponseId() {
            return responseId;
        }

        public void setResponseId(String responseId) {
            this.responseId = responseId;
        }

        /** Set when the create answers with a job to follow rather than the record (asynchronous create). */
        public CreateJob getCreateJob() {
            return createJob;
        }

        public void setCreateJob(CreateJob createJob) {
            this.createJob = createJob;
        }

        public String getUpdate() {
            return update;
        }

        public void setUpdate(String update) {
            this.update = update;
        }

        public String getUpdateBody() {
            return updateBody;
        }

        public void setUpdateBody(String updateBody) {
            this.updateBody = updateBody;
        }

        /** Set when an update must be built from the target's current record (a version to echo, ids of nested values). */
        public UpdateMerge getUpdateMerge() {
            return updateMerge;
        }

        public void setUpdateMerge(UpdateMerge updateMerge) {
            this.updateMerge = updateMerge;
        }
    }

    /**
     * An asynchronous create: the create answers with a job id ({@code job-id} pointer), the job is polled
     * ({@code poll}, "METHOD /path" with {job}) every {@code interval} until its {@code state} is one of
     * {@code done} (the record's id is then at {@code result-id}) or {@code failed}, for at most {@code timeout}.
     * A job still running when a delivery ends is remembered, so the next attempt follows it instead of creating again.
     */
    public static class CreateJob {
        private String poll;
        private String jobId;
        private String state;
        private List<String> done = List.of();
        private List<String> failed = List.of();
        private String resultId;
        private String error;
        private Duration interval = Duration.ofMillis(500);
        private Duration timeout = Duration.ofSeconds(120);

        public String getPoll() {
            return poll;
        }

        public void setPoll(String poll) {
            this.poll = poll;
        }

        public String getJobId() {
            return jobId;
        }

        public void setJobId(String jobId) {
            this.jobId = jobId;
        }

        public String getState() {
            return state;
        }

        public void setState(String state) {
            this.state = state;
        }

        public List<String> getDone() {
            return done;
        }

        public void setDone(List<String> done) {
            this.done = done;
        }

        public List<String> getFailed() {
            return failed;
        }

        public void setFailed(List<String> failed) {
            this.failed = failed;
        }

        public String getResultId() {
            return resultId;
        }

        public void setResultId(String resultId) {
            this.resultId = resultId;
        }

        /** Pointer to the job's error message when it failed (optional). */
        public String getError() {
            return error;
        }

        public void setError(String error) {
            this.error = error;
        }

        public Duration getInterval() {
            return interval;
        }

        public void setInterval(Duration interval) {
            this.interval = interval;
        }

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }

    /**
     * An update built from the target's current record: {@code read} ("METHOD /path" with {id}) fetches it, and
     * {@code mappings/<system>/<mapping>.jsonata} turns {@code {"request": <mapped update body>, "current": <the
     * answer>}} into the body actually sent (e.g. echoing an optimistic-lock time, or naming the ids of the nested
     * values being changed). The delivery gate still compares the mapped body, so nothing unchanged is read or sent.
     */
    public static class UpdateMerge {
        private String read;
        private String mapping;
        private boolean reuseLastRead;

        /**
         * For an update written onto another record ({@code id-from}): the last copy of that record the hub read from
         * the system (its webhook or poll, or the answer to the hub's previous update, shaped as {@code {"data": …}})
         * stands for the read, so the update is one call; a refusal (404, 409, 422) reads the record and builds the
         * update again. See {@link LastReadCopies}.
         */
        public boolean isReuseLastRead() {
            return reuseLastRead;
        }

        public void setReuseLastRead(boolean reuseLastRead) {
            this.reuseLastRead = reuseLastRead;
        }

        public String getRead() {
            return read;
        }

        public void setRead(String read) {
            this.read = read;
        }

        public String getMapping() {
            return mapping;
        }

        public void setMapping(String mapping) {
            this.mapping = mapping;
        }
    }

    /**
     * One write of a record that a system stores as several (a Relativity matter, then its workspace, then a
     * custom field on it). Parts are written in order; a later part's bodies and paths name an earlier one's id as
     * ${parts.<name>} / {parts.<name>}. The {@code primary} part's id is the record's id in the system; other parts
     * keep cross-references of their own ({@code <entity>#<part>}) unless {@code xref: false} (a record shared by many,
     * such as a client, is looked up each time). A part with {@code on-part: <part>} only ever updates that part's record.
     */
    public static class Part extends WriteOperations {
        private String name;
        private boolean primary;
        private boolean xref = true;
        private String onPart;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public boolean isPrimary() {
            return primary;
        }

        public void setPrimary(boolean primary) {
            this.primary = primary;
        }

        public boolean isXref() {
            return xref;
        }

        public void setXref(boolean xref) {
            this.xref = xref;
        }

        /** The earlier part whose record this part only ever updates (YAML {@code on-part}; a bare {@code on} is a YAML boolean). */
        public String getOnPart() {
            return onPart;
        }

        public void setOnPart(String onPart) {
            this.onPart = onPart;
        }
    }

    /**
     * How one entity is written to a system: its operations (see {@link WriteOperations}), or, for a record the
     * system keeps as several, its {@code parts}. The list-* entries say how reconciliation reads every record
     * of the entity: {@code list} is "METHOD /path?query" with {offset}, {page} and {limit} (and {@code list-body}
     * for a POST query); the pointers find the items in a page and the id and business key in an item.
     * {@code references} names records this one points to (entity → JSON pointer to that record's hub key
     * in the canonical record, e.g. {@code matter: /matterKey}); their ids in this system come from the
     * hub's cross-references and reach the mapping as {@code targetIds.<entity>}. {@code id-from} says the
     * record is written onto a referenced record (e.g. a production onto its matter's DMS workspace):
     * it is only ever updated, with that record's id, never created or looked up.
     */
    public static class EntityEndpoints extends WriteOperations {
        private String idFrom;
        private List<String> requires = List.of();
        private List<Part> parts = List.of();
        private String list;
        private String listBody;
        private String listItems = "";
        private String listId = "/id";
        private String listKey;
        private String listPaging = "offset";
        private String listNext;
        private int listPageSize = 100;
        private String compareBody = "";
        private String listMapping;
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

        public List<Part> getParts() {
            return parts;
        }

        public void setParts(List<Part> parts) {
            this.parts = parts;
        }

        /** The parts to write in order: the declared ones, or the entity's own operations as its one, primary part. */
        public List<Part> writeParts() {
            if (!parts.isEmpty()) {
                return parts;
            }
            Part self = new Part();
            self.setPrimary(true);
            self.setLookup(getLookup());
            self.setLookupId(getLookupId());
            self.setLookupBody(getLookupBody());
            self.setCreate(getCreate());
            self.setCreateBody(getCreateBody());
            self.setResponseId(getResponseId());
            self.setCreateJob(getCreateJob());
            self.setUpdate(getUpdate());
            self.setUpdateBody(getUpdateBody());
            self.setUpdateMerge(getUpdateMerge());
            return List.of(self);
        }

        /** The part whose id is the record's id in the system. */
        public Part primaryPart() {
            List<Part> all = writeParts();
            return all.stream().filter(Part::isPrimary).findFirst().orElse(all.get(all.size() - 1));
        }

        public String getList() {
            return list;
        }

        public void setList(String list) {
            this.list = list;
        }

        /** The request body of a list operation that is a POST query (literal JSON), or none. */
        public String getListBody() {
            return listBody;
        }

        public void setListBody(String listBody) {
            this.listBody = listBody;
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

        /** Pointer to the part of the mapped output that reconciliation compares with a listed record ("" = all). */
        /**
         * A mapping ({@code mappings/<system>/<name>.jsonata}) that turns a listed record into the shape the hub sends,
         * when the system lists records otherwise than it takes them (e.g. Relativity's FieldValues); none: as listed.
         */
        public String getListMapping() {
            return listMapping;
        }

        public void setListMapping(String listMapping) {
            this.listMapping = listMapping;
        }

        public String getCompareBody() {
            return compareBody;
        }

        public void setCompareBody(String compareBody) {
            this.compareBody = compareBody;
        }

        /** Fields of the mapped record that the target fills itself, so reconciliation does not compare them. */
        public List<String> getCompareIgnore() {
            return compareIgnore;
        }

        public void setCompareIgnore(List<String> compareIgnore) {
            this.compareIgnore = compareIgnore;
        }
    }

    /**
     * Where a webhook body keeps what the hub needs, as JSON pointers: the record, the model (absent when the model
     * comes from the subscription the webhook belongs to), the event, and the pointers whose values together identify
     * one event (its idempotency key). The signature is an HMAC-SHA256 of the raw body, hex or base64 encoded.
     */
    public static class WebhookFormat {
        private String record = "/data";
        private String model = "/model";
        private String event = "/event";
        private List<String> eventId = List.of("/id");
        private String signatureEncoding = "hex";

        public String getRecord() {
            return record;
        }

        public void setRecord(String record) {
            this.record = record;
        }

        public String getModel() {
            return model;
        }

        public void setModel(String model) {
            this.model = model;
        }

        public String getEvent() {
            return event;
        }

        public void setEvent(String event) {
            this.event = event;
        }

        public List<String> getEventId() {
            return eventId;
        }

        public void setEventId(List<String> eventId) {
            this.eventId = eventId;
        }

        public String getSignatureEncoding() {
            return signatureEncoding;
        }

        public void setSignatureEncoding(String signatureEncoding) {
            this.signatureEncoding = signatureEncoding;
        }
    }

    /**
     * Webhook subscriptions the hub keeps with a system (Clio's lifecycle): created through {@code create} with the
     * body of {@code mappings/<system>/<mapping>.jsonata}, confirmed by the handshake (the system's secret in
     * {@code handshake-header}, echoed; or {@code activate} later), renewed through {@code renew} before they expire,
     * and re-created when the system no longer has them enabled. Pointers find the subscription's id, secret, status
     * and expiry in the system's answers.
     */
    public static class WebhookSubscriptions {
        private Duration lifetime = Duration.ofDays(30);
        private Duration renewBefore = Duration.ofDays(7);
        private Duration handshakeTimeout = Duration.ofMinutes(2);
        private String create;
        private String read;
        private String renew;
        private String delete;
        private String activate;
        private String mapping = "webhook-subscription";
        private String responseId = "/data/id";
        private String responseSecret = "/data/shared_secret";
        private String responseStatus = "/data/status";
        private String responseExpiresAt = "/data/expires_at";
        private List<String> activeStatuses = List.of("enabled");
        private String handshakeHeader = "X-Hook-Secret";
        private List<Subscription> models = List.of();

        public Duration getLifetime() {
            return lifetime;
        }

        public void setLifetime(Duration lifetime) {
            this.lifetime = lifetime;
        }

        public Duration getRenewBefore() {
            return renewBefore;
        }

        public void setRenewBefore(Duration renewBefore) {
            this.renewBefore = renewBefore;
        }

        public Duration getHandshakeTimeout() {
            return handshakeTimeout;
        }

        public void setHandshakeTimeout(Duration handshakeTimeout) {
            this.handshakeTimeout = handshakeTimeout;
        }

        public String getCreate() {
            return create;
        }

        public void setCreate(String create) {
            this.create = create;
        }

        public String getRead() {
            return read;
        }

        public void setRead(String read) {
            this.read = read;
        }

        public String getRenew() {
            return renew;
        }

        public void setRenew(String renew) {
            this.renew = renew;
        }

        public String getDelete() {
            return delete;
        }

        public void setDelete(String delete) {
            this.delete = delete;
        }

        public String getActivate() {
            return activate;
        }

        public void setActivate(String activate) {
            this.activate = activate;
        }

        public String getMapping() {
            return mapping;
        }

        public void setMapping(String mapping) {
            this.mapping = mapping;
        }

        public String getResponseId() {
            return responseId;
        }

        public void setResponseId(String responseId) {
            this.responseId = responseId;
        }

        public String getResponseSecret() {
            return responseSecret;
        }

        public void setResponseSecret(String responseSecret) {
            this.responseSecret = responseSecret;
        }

        public String getResponseStatus() {
            return responseStatus;
        }

        public void setResponseStatus(String responseStatus) {
            this.responseStatus = responseStatus;
        }

        public String getResponseExpiresAt() {
            return responseExpiresAt;
        }

        public void setResponseExpiresAt(String responseExpiresAt) {
            this.responseExpiresAt = responseExpiresAt;
        }

        public List<String> getActiveStatuses() {
            return activeStatuses;
        }

        public void setActiveStatuses(List<String> activeStatuses) {
            this.activeStatuses = activeStatuses;
        }

        public String getHandshakeHeader() {
            return handshakeHeader;
        }

        public void setHandshakeHeader(String handshakeHeader) {
            this.handshakeHeader = handshakeHeader;
        }

        public List<Subscription> getModels() {
            return models;
        }

        public void setModels(List<Subscription> models) {
            this.models = models;
        }
    }

    /** One subscription: the system's model, the events and the fields its webhooks carry. */
    public static class Subscription {
        private String model;
        private List<String> events = List.of();
        private String fields;

        public String getModel() {
            return model;
        }

        public void setModel(String model) {
            this.model = model;
        }

        public List<String> getEvents() {
            return events;
        }

        public void setEvents(List<String> events) {
            this.events = events;
        }

        public String getFields() {
            return fields;
        }

        public void setFields(String fields) {
            this.fields = fields;
        }
    }

    /**
     * What a source record needs before it is mapped: {@code enrich} adds, per field name, the items of another call
     * ("METHOD /path" with {id}, the record's id; JSON pointer {@code items} to the array in the answer), e.g. a
     * Clio matter's relationships with their contacts, which the matter itself does not carry.
     */
    public static class SourceEntity {
        private Map<String, Enrichment> enrich = new LinkedHashMap<>();

        public Map<String, Enrichment> getEnrich() {
            return enrich;
        }

        public void setEnrich(Map<String, Enrichment> enrich) {
            this.enrich = enrich;
        }
    }

    public static class Enrichment {
        private String call;
        private String items = "/data";

        public String getCall() {
            return call;
        }

        public void setCall(String call) {
            this.call = call;
        }

        public String getItems() {
            return items;
        }

        public void setItems(String items) {
            this.items = items;
        }
    }

    public static class Http {
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private Duration maxLaneWait = Duration.ofSeconds(60);

        /**
         * The longest a call waits for its system's lane (its rate limit, or the pause a 429 put on it) before it
         * fails as transient and its message is retried later.
         */
        public Duration getMaxLaneWait() {
            return maxLaneWait;
        }

        public void setMaxLaneWait(Duration maxLaneWait) {
            this.maxLaneWait = maxLaneWait;
        }

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
