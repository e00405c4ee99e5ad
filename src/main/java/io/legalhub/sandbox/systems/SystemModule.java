package io.legalhub.sandbox.systems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.sandbox.SandboxSettings;
import io.legalhub.sandbox.SandboxSystem;
import io.legalhub.sandbox.control.Faults;
import io.legalhub.sandbox.control.RequestLog;
import io.legalhub.sandbox.control.WebhookDispatcher;
import io.legalhub.sandbox.http.ApiException;
import io.legalhub.sandbox.http.Fields;
import io.legalhub.sandbox.http.Json;
import io.legalhub.sandbox.http.Request;
import io.legalhub.sandbox.http.Response;
import io.legalhub.sandbox.http.Router;
import io.legalhub.sandbox.oauth.OAuthServer;
import io.legalhub.sandbox.seed.SeedData;
import io.legalhub.sandbox.store.SystemStore;
import io.legalhub.sandbox.store.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Base of one simulated system: its storage, API and control routers, faults, request log and webhooks.
 * Subclasses register their API routes and seed data. Internal.
 */
public abstract class SystemModule implements AutoCloseable {

    /** Header marking a request as an observer's (see {@link #observe}). */
    public static final String OBSERVER_HEADER = "X-Sandbox-Observer";

    private static final Logger LOG = LoggerFactory.getLogger(SystemModule.class);

    /**
     * A business key whose duplicates {@code /_control/stats} reports, e.g. billing matters by {@code number}. A key
     * of several fields (e-billing invoices: invoice number and law firm) is reported as their values joined by
     * {@code |}.
     */
    protected record BusinessKey(String table, List<String> keyFields, String idField) {
        protected BusinessKey(String table, String keyField, String idField) {
            this(table, List.of(keyField), idField);
        }

        /** The key of one record, or null when any of its fields is empty. */
        String of(ObjectNode rec) {
            List<String> parts = new ArrayList<>();
            for (String field : keyFields) {
                // a field, or a JSON pointer into the record (e.g. a document's first external property)
                JsonNode k = field.startsWith("/") ? rec.at(field) : rec.get(field);
                if (k == null || k.isMissingNode() || k.isNull() || k.asText().isBlank()) {
                    return null;
                }
                parts.add(k.asText());
            }
            return String.join("|", parts);
        }
    }

    protected final SandboxSystem system;
    protected final SystemStore store;
    protected final Faults faults = new Faults();
    protected final RequestLog requestLog;
    protected final WebhookDispatcher webhooks;
    private final Router api = new Router();
    private final Router control = new Router();
    private final String bearerToken;
    /** Null unless the system has an OAuth client; then it, not {@link #bearerToken}, guards the API. */
    private final OAuthServer oauth;

    protected SystemModule(SandboxSystem system, SystemStore store, SandboxSettings settings) {
        this.system = system;
        this.store = store;
        this.requestLog = new RequestLog(settings.requestLogCapacity());
        this.webhooks = new WebhookDispatcher(system.prefix(), settings.webhookAttempts(), settings.webhookBackoff());
        SandboxSettings.WebhookTarget target = settings.webhookTargets().get(system);
        if (target != null && usesStaticWebhooks()) {
            webhooks.configure(target.url(), target.secret(), true);
        }
        this.bearerToken = settings.bearerTokens().get(system);
        this.oauth = OAuthServer.forSystem(system, settings, store).orElse(null);
    }

    /** Registers routes; called once by the server after construction. */
    public final void init(boolean seed) {
        registerApi(api);
        registerCommonControl(control);
        if (oauth != null) {
            oauth.registerControl(control);
        }
        registerControl(control);
        if (store.isEmpty()) {
            store.write(() -> {
                configure();
                if (seed) {
                    seed(SeedData.standard());
                }
            });
            store.commit();
        }
    }

    protected abstract void registerApi(Router r);

    /**
     * The account's own configuration, present with or without demo data (and again after a reset), as any real
     * account connected to the hub has it, e.g. the custom fields a firm set up for the hub's conflict results.
     */
    protected void configure() {
    }

    protected void registerControl(Router r) {
    }

    protected abstract void seed(SeedData data);

    /**
     * Whether the system sends its webhooks to one target configured from outside ({@code /_control/webhook}); a
     * system whose receivers subscribe through its API (Clio) answers false and has no such control.
     */
    public boolean usesStaticWebhooks() {
        return true;
    }

    protected abstract List<BusinessKey> businessKeys();

    /** Called after the data was cleared (and maybe re-seeded) so caches can be dropped. */
    protected void afterReset() {
    }

    /**
     * How an API error is answered. Systems imitating a product whose error shape differs from the sandbox's
     * {@code {"error":{…}}} override this; control endpoints always keep the sandbox's own shape.
     */
    protected Response errorResponse(Request req, ApiException e) {
        return Response.error(e);
    }

    public SandboxSystem system() {
        return system;
    }

    public Faults faults() {
        return faults;
    }

    public WebhookDispatcher webhooks() {
        return webhooks;
    }

    public RequestLog requestLog() {
        return requestLog;
    }

    public SystemStore store() {
        return store;
    }

    /** Handles one request below this system's prefix. Never throws. */
    public final Response handle(Request req) {
        if (req.path().equals("/_control") || req.path().startsWith("/_control/")) {
            try {
                return control.dispatch(req);
            } catch (ApiException e) {
                return Response.error(e);
            } catch (RuntimeException e) {
                LOG.error("{} control request {} {} failed", system.prefix(), req.method(), req.fullPath(), e);
                return Response.error(internal(e));
            }
        }
        if ("true".equalsIgnoreCase(req.header(OBSERVER_HEADER))) {
            return observe(req);
        }
        Instant received = Instant.now();
        long t0 = System.nanoTime();
        String fault = null;
        Response resp;
        try {
            long latency = faults.latencyMs();
            if (latency > 0) {
                sleep(latency);
            }
            // a rate limit's "matching" looks at the request line and body (a create names its record in the body)
            Faults.Injected injected = faults.evaluate(system.prefix(),
                    req.fullPath() + (req.rawQuery() == null ? "" : "?" + req.rawQuery())
                            + (req.body().length == 0 ? "" : "\n" + new String(req.body(), java.nio.charset.StandardCharsets.UTF_8)));
            if (injected != null) {
                fault = injected.fault();
                throw injected.toException();
            }
            resp = serve(req, false);
        } catch (ApiException e) {
            if ("Rejected".equals(e.type())) {
                fault = "rejectRecords";
            }
            resp = errorResponse(req, e);
        } catch (RuntimeException e) {
            LOG.error("{} request {} {} failed", system.prefix(), req.method(), req.fullPath(), e);
            resp = errorResponse(req, internal(e));
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        requestLog.record(new RequestLog.Entry(req.method(), req.fullPath(), loggedQuery(req), resp.status(), received, ms, fault));
        return resp;
    }

    /** The token endpoint, or an API call once its credentials are checked. */
    private Response serve(Request req, boolean observed) {
        if (oauth != null && oauth.isTokenEndpoint(req)) {
            return oauth.token(req, observed);
        }
        checkAuth(req, observed);
        return api.dispatch(req);
    }

    /** A token request's query can only hold credentials sent where they do not belong; the log must not keep them. */
    private String loggedQuery(Request req) {
        boolean tokenRequest = oauth != null && oauth.isTokenEndpoint(req);
        return tokenRequest && req.rawQuery() != null ? "(redacted)" : req.rawQuery();
    }

    /**
     * A look at the system's data that the system under test must not notice: no injected fault, no
     * latency, no entry in the request log. Tests and demos use it to check what arrived while faults are on.
     */
    private Response observe(Request req) {
        try {
            return serve(req, true);
        } catch (ApiException e) {
            return errorResponse(req, e);
        } catch (RuntimeException e) {
            LOG.error("{} observer request {} {} failed", system.prefix(), req.method(), req.fullPath(), e);
            return errorResponse(req, internal(e));
        }
    }

    private static ApiException internal(RuntimeException e) {
        return new ApiException(500, "InternalError", "internal sandbox error (" + e.getClass().getSimpleName() + "); see the sandbox log");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void checkAuth(Request req, boolean observed) {
        if (oauth != null) {
            // an observer (a test or demo looking at the data, as an administrator would in the vendor's own
            // application) holds no token; only the system under test is held to the OAuth rules
            if (!observed) {
                oauth.authenticate(req, false);
            }
            return;
        }
        if (bearerToken == null) {
            return;
        }
        String h = req.header("Authorization");
        if (h == null || !h.equals("Bearer " + bearerToken)) {
            throw new ApiException(401, "Unauthorized",
                    h == null ? "missing Authorization: Bearer token" : "invalid bearer token")
                    .header("WWW-Authenticate", "Bearer realm=\"" + system.prefix() + "\"");
        }
    }

    // ---------------------------------------------------------------- helpers for subclasses

    protected String now() {
        return Json.ts(store.now());
    }

    protected Table table(String name) {
        return store.table(name);
    }

    /** 400 Rejected when any of the record keys is configured in {@code rejectRecords}. */
    protected void checkRejected(String... keys) {
        checkRejected(Arrays.asList(keys));
    }

    protected void checkRejected(Collection<String> keys) {
        String reason = faults.rejectionFor(keys);
        if (reason != null) {
            throw new ApiException(400, "Rejected", reason);
        }
    }

    protected static ApiException notFound(String what, String id) {
        return ApiException.notFound(what + " " + id + " not found");
    }

    // ---------------------------------------------------------------- common control endpoints

    private void registerCommonControl(Router r) {
        r.get("/_control/faults", req -> Response.ok(faults.toJson()));
        r.put("/_control/faults", req -> {
            faults.replace(req.jsonObject());
            return Response.ok(faults.toJson());
        });
        r.patch("/_control/faults", req -> {
            faults.merge(req.jsonObject());
            return Response.ok(faults.toJson());
        });
        r.delete("/_control/faults", req -> {
            faults.clear();
            return Response.ok(faults.toJson());
        });
        r.get("/_control/requests", req -> {
            ObjectNode n = Json.object();
            n.set("requests", requestLog.toJson(req.queryInt("limit", 200, 1, 1_000_000)));
            return Response.ok(n);
        });
        r.delete("/_control/requests", req -> {
            requestLog.clear();
            return Response.noContent();
        });
        r.get("/_control/stats", req -> Response.ok(stats()));
        r.post("/_control/reset", req -> {
            boolean seed = Boolean.TRUE.equals(req.queryBool("seed"));
            reset(seed);
            ObjectNode n = Json.object();
            n.put("system", system.prefix());
            n.put("seeded", seed);
            n.set("records", recordCounts());
            return Response.ok(n);
        });
        if (!usesStaticWebhooks()) {
            return;
        }
        r.get("/_control/webhook", req -> Response.ok(webhooks.describe()));
        r.put("/_control/webhook", req -> {
            ObjectNode body = req.jsonObject();
            Fields f = new Fields(body);
            f.rejectUnknown(Set.of("url", "secret", "enabled"), Set.of("secretSet"));
            String url = f.text("url", false, 2_000);
            String secret = f.text("secret", false, 1_000);
            Boolean enabled = f.bool("enabled");
            if (url != null) {
                try {
                    URI u = URI.create(url);
                    if (!u.isAbsolute() || !("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
                        f.invalid("url", "must be an absolute http(s) URL");
                    }
                } catch (IllegalArgumentException e) {
                    f.invalid("url", "is not a valid URL: " + e.getMessage());
                }
                if (secret == null && !webhooks.hasSecret()) {
                    f.missing("secret");
                }
            }
            f.check();
            webhooks.configure(url, secret, enabled == null || enabled);
            return Response.ok(webhooks.describe());
        });
        r.get("/_control/webhook/deliveries", req -> {
            ObjectNode n = Json.object();
            n.set("deliveries", webhooks.deliveriesJson(req.queryInt("limit", 200, 1, 1_000_000)));
            return Response.ok(n);
        });
        r.delete("/_control/webhook/deliveries", req -> {
            webhooks.clearDeliveries();
            return Response.noContent();
        });
    }

    /**
     * Clears this system's data, and its OAuth tokens and counters; re-seeds when asked. Faults, request log, webhook
     * target and the OAuth client with its pre-authorised refresh token stay.
     */
    public void reset(boolean seed) {
        store.write(() -> {
            store.clear();
            configure();
            if (seed) {
                seed(SeedData.standard());
            }
            afterReset();
            if (oauth != null) {
                oauth.reset();
            }
        });
        store.commit();
    }

    private ObjectNode recordCounts() {
        ObjectNode n = Json.object();
        new TreeMap<>(store.tables()).forEach((name, t) -> n.put(name, t.size()));
        return n;
    }

    public ObjectNode stats() {
        ObjectNode n = Json.object();
        n.put("system", system.prefix());
        n.set("requests", requestLog.statsJson());
        n.set("records", recordCounts());
        ObjectNode dups = n.putObject("duplicates");
        for (BusinessKey key : businessKeys()) {
            Map<String, List<JsonNode>> byKey = new LinkedHashMap<>();
            for (ObjectNode rec : table(key.table()).all()) {
                String k = key.of(rec);
                if (k == null) {
                    continue;
                }
                byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(rec.get(key.idField()));
            }
            ObjectNode forTable = Json.object();
            byKey.forEach((k, ids) -> {
                if (ids.size() > 1) {
                    ArrayNode arr = forTable.putArray(k);
                    ids.stream().filter(Objects::nonNull).forEach(arr::add);
                }
            });
            if (!forTable.isEmpty()) {
                dups.set(key.table(), forTable);
            }
        }
        return n;
    }

    @Override
    public void close() {
        webhooks.close();
        store.close();
    }
}
