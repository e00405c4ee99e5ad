package io.legalhub.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.legalhub.sandbox.http.ApiException;
import io.legalhub.sandbox.http.Json;
import io.legalhub.sandbox.http.Request;
import io.legalhub.sandbox.http.Response;
import io.legalhub.sandbox.store.SystemStore;
import io.legalhub.sandbox.systems.BillingModule;
import io.legalhub.sandbox.systems.ConflictsModule;
import io.legalhub.sandbox.systems.DmsModule;
import io.legalhub.sandbox.systems.EbillingModule;
import io.legalhub.sandbox.systems.EdiscoveryModule;
import io.legalhub.sandbox.systems.MatterManagementModule;
import io.legalhub.sandbox.systems.SystemModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Legal Hub sandbox: six simulated legal systems (matter management, billing, DMS, e-discovery, conflicts,
 * e-billing)
 * served over real HTTP on one port, each under its own path prefix with its own storage, fault injection,
 * request log and signed webhooks. Plain JDK HTTP server; no Spring, no Camel.
 *
 * <pre>{@code
 * try (SandboxServer sandbox = SandboxServer.start(SandboxSettings.defaults())) {
 *     String billing = sandbox.baseUrl(SandboxSystem.BILLING); // http://127.0.0.1:<port>/billing
 * }
 * }</pre>
 */
public final class SandboxServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxServer.class);
    private static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

    static {
        // The JDK's server closes a keep-alive connection when it has been idle 30 s, or at once when 200 others
        // are already idle. A client sending on a connection just as it is closed gets "received no bytes", and
        // the hub with its consumers plus a test suite's clients easily keep 200 connections. Clients (the JDK's
        // own keeps connections for 20 minutes) are expected to let go of idle connections first.
        if (System.getProperty("sun.net.httpserver.idleInterval") == null) {
            System.setProperty("sun.net.httpserver.idleInterval", "900");
        }
        if (System.getProperty("sun.net.httpserver.maxIdleConnections") == null) {
            System.setProperty("sun.net.httpserver.maxIdleConnections", "5000");
        }
    }

    private final SandboxSettings settings;
    private final Map<SandboxSystem, SystemModule> modules;
    private final HttpServer http;
    private final ExecutorService pool;
    /** Empty unless a test taps the sandbox; then each API exchange is handed to every tap (see {@link #tap}). */
    private final List<ExchangeTap> taps = new CopyOnWriteArrayList<>();
    private volatile boolean stopped;

    static {
        // The JDK's HTTP server leaves Nagle's algorithm on unless told: its answer (headers, then body) then waits
        // for the client's delayed ACK, about 40 ms a call, which no vendor's API adds. Read once, when the first
        // server of this JVM is made.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private SandboxServer(SandboxSettings settings, Map<SandboxSystem, SystemModule> modules) throws IOException {
        this.settings = settings;
        this.modules = modules;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "sandbox-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getByName(settings.host()), settings.port()), 256);
        http.createContext("/", this::handle);
        http.setExecutor(pool);
        http.start();
    }

    /** Opens every system's storage (seeding empty ones when asked) and starts serving. */
    public static SandboxServer start(SandboxSettings settings) {
        Objects.requireNonNull(settings, "settings");
        Map<SandboxSystem, SystemModule> modules = new EnumMap<>(SandboxSystem.class);
        try {
            for (SandboxSystem system : SandboxSystem.values()) {
                SystemStore store = SystemStore.open(settings.dataDir(), system.prefix());
                SystemModule module = switch (system) {
                    case MATTER_MANAGEMENT -> new MatterManagementModule(store, settings);
                    case BILLING -> new BillingModule(store, settings);
                    case DMS -> new DmsModule(store, settings);
                    case EDISCOVERY -> new EdiscoveryModule(store, settings);
                    case CONFLICTS -> new ConflictsModule(store, settings);
                    case EBILLING -> new EbillingModule(store, settings);
                };
                modules.put(system, module);
                module.init(settings.seed());
            }
            SandboxServer server = new SandboxServer(settings, modules);
            LOG.info("Legal Hub sandbox listening on {} (data: {})", server.baseUrl(),
                    settings.dataDir() == null ? "in memory" : settings.dataDir().toAbsolutePath());
            return server;
        } catch (IOException e) {
            modules.values().forEach(SystemModule::close);
            throw new UncheckedIOException("cannot start the sandbox on " + settings.host() + ":" + settings.port(), e);
        } catch (RuntimeException e) {
            modules.values().forEach(SystemModule::close);
            throw e;
        }
    }

    /** Starts with {@link SandboxSettings#defaults()}: loopback, random port, in memory, seeded. */
    public static SandboxServer start() {
        return start(SandboxSettings.defaults());
    }

    public SandboxSettings settings() {
        return settings;
    }

    /** The bound port (the actual one when the settings asked for 0). */
    public int port() {
        return http.getAddress().getPort();
    }

    public String host() {
        return settings.host();
    }

    /** {@code http://127.0.0.1:<port>} */
    public String baseUrl() {
        String h = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return "http://" + h + ":" + port();
    }

    /** {@code http://127.0.0.1:<port>/<system prefix>}, e.g. {@code …/billing}. */
    public String baseUrl(SandboxSystem system) {
        return baseUrl() + system.path();
    }

    /** Sends the system's webhooks to {@code url}, signed with {@code secret}. */
    public void setWebhookTarget(SandboxSystem system, String url, String secret) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        URI.create(url);
        if (!modules.get(system).usesStaticWebhooks()) {
            throw new IllegalArgumentException(system.prefix() + " sends webhooks only to the subscriptions its API creates");
        }
        modules.get(system).webhooks().configure(url, secret, true);
    }

    /** Stops sending the system's webhooks. */
    public void clearWebhookTarget(SandboxSystem system) {
        modules.get(system).webhooks().configure(null, null, false);
    }

    /** Clears the injected faults of every system. */
    public void clearFaults() {
        modules.values().forEach(m -> m.faults().clear());
    }

    /** Clears one system's data, re-seeding when asked. */
    public void reset(SandboxSystem system, boolean seed) {
        modules.get(system).reset(seed);
    }

    /**
     * Hands every later API exchange (not observer or {@code /_control} requests) to {@code tap}, e.g. to check
     * what a system under test sends against a vendor's API description. Untapped, nothing is copied.
     */
    public void tap(ExchangeTap tap) {
        taps.add(Objects.requireNonNull(tap, "tap"));
    }

    /** Stops handing exchanges to {@code tap}. */
    public void untap(ExchangeTap tap) {
        taps.remove(tap);
    }

    /** Stops serving and closes all storage (file stores are committed). Idempotent. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        http.stop(0);
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<RuntimeException> failures = new ArrayList<>();
        for (SystemModule m : modules.values()) {
            try {
                m.close();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        LOG.info("Legal Hub sandbox stopped");
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    @Override
    public void close() {
        stop();
    }

    // ------------------------------------------------------------------------------------------ HTTP

    private void handle(HttpExchange ex) {
        long t0 = System.nanoTime();
        String method = ex.getRequestMethod();
        String rawPath = Optional.ofNullable(ex.getRequestURI().getRawPath()).orElse("/");
        Response resp;
        byte[] body = null;
        try {
            body = readBody(ex.getRequestBody());
            resp = route(ex, method, rawPath, body);
        } catch (ApiException e) {
            resp = Response.error(e);
        } catch (RuntimeException | IOException e) {
            LOG.error("request {} {} failed", method, rawPath, e);
            resp = Response.error(new ApiException(500, "InternalError", "internal sandbox error; see the sandbox log"));
        }
        if (!taps.isEmpty()) {
            offerToTaps(ex, method, rawPath, body, resp);
        }
        try {
            send(ex, method, resp);
        } catch (IOException e) {
            LOG.debug("could not send the answer to {} {}: {}", method, rawPath, e.toString());
        } finally {
            ex.close();
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} -> {} ({} ms)", method, rawPath, resp.status(), (System.nanoTime() - t0) / 1_000_000);
        }
    }

    private Response route(HttpExchange ex, String method, String rawPath, byte[] body) {
        String trimmed = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        int slash = trimmed.indexOf('/');
        String first = slash < 0 ? trimmed : trimmed.substring(0, slash);
        if (first.isEmpty()) {
            if (!method.equals("GET")) {
                throw new ApiException(405, "MethodNotAllowed", method + " is not allowed on /; allowed: GET").header("Allow", "GET");
            }
            return Response.ok(index());
        }
        SandboxSystem system = SandboxSystem.fromPrefix(first).orElseThrow(() -> ApiException.notFound(
                "no such system '" + first + "'; systems: " + SandboxSystem.prefixes()));
        Map<String, List<String>> headers = new LinkedHashMap<>(ex.getRequestHeaders());
        if (ex.getRequestHeaders().getFirst("Host") == null) {
            headers.put("Host", List.of(baseUrl().substring("http://".length())));
        }
        String rest = slash < 0 ? "/" : trimmed.substring(slash);
        Request req = new Request(method, rawPath, rest, ex.getRequestURI().getRawQuery(), headers, body);
        return modules.get(system).handle(req);
    }

    /** Before the answer is sent, so that a client that has the answer finds the exchange recorded. */
    private void offerToTaps(HttpExchange ex, String method, String rawPath, byte[] body, Response resp) {
        String trimmed = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        int slash = trimmed.indexOf('/');
        Optional<SandboxSystem> system = SandboxSystem.fromPrefix(slash < 0 ? trimmed : trimmed.substring(0, slash));
        String rest = slash < 0 ? "/" : trimmed.substring(slash);
        boolean control = rest.equals("/_control") || rest.startsWith("/_control/");
        boolean observer = "true".equalsIgnoreCase(ex.getRequestHeaders().getFirst(SystemModule.OBSERVER_HEADER));
        if (system.isEmpty() || control || observer) {
            return;
        }
        Map<String, List<String>> responseHeaders = new LinkedHashMap<>();
        if (resp.contentType() != null) {
            responseHeaders.put("Content-Type", List.of(resp.contentType()));
        }
        resp.headers().forEach((name, value) -> responseHeaders.put(name, List.of(value)));
        TappedExchange exchange = new TappedExchange(system.get(), method.toUpperCase(Locale.ROOT), rest, rawPath,
                ex.getRequestURI().getRawQuery(), ex.getRequestHeaders(), body, resp.status(), responseHeaders, resp.body());
        for (ExchangeTap tap : taps) {
            try {
                tap.exchange(exchange);
            } catch (RuntimeException e) {
                LOG.warn("exchange tap failed on {}", exchange, e);
            }
        }
    }

    private ObjectNode index() {
        ObjectNode n = Json.object();
        n.put("name", "Legal Hub sandbox");
        ObjectNode systems = n.putObject("systems");
        for (SandboxSystem s : SandboxSystem.values()) {
            systems.put(s.prefix(), baseUrl(s));
        }
        return n;
    }

    private static byte[] readBody(InputStream in) throws IOException {
        try (in) {
            byte[] b = in.readNBytes(MAX_BODY_BYTES + 1);
            if (b.length > MAX_BODY_BYTES) {
                throw new ApiException(413, "PayloadTooLarge", "request body exceeds " + MAX_BODY_BYTES + " bytes");
            }
            return b;
        }
    }

    private static void send(HttpExchange ex, String method, Response resp) throws IOException {
        Headers h = ex.getResponseHeaders();
        if (resp.contentType() != null) {
            h.set("Content-Type", resp.contentType());
        }
        resp.headers().forEach(h::set);
        byte[] b = resp.body();
        if (resp.status() == 204 || b.length == 0 || method.equals("HEAD")) {
            ex.sendResponseHeaders(resp.status(), -1);
            return;
        }
        ex.sendResponseHeaders(resp.status(), b.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(b);
        }
    }
}
