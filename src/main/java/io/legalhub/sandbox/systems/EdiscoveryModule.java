package io.legalhub.sandbox.systems;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.sandbox.SandboxSettings;
import io.legalhub.sandbox.SandboxSystem;
import io.legalhub.sandbox.http.ApiException;
import io.legalhub.sandbox.http.Fields;
import io.legalhub.sandbox.http.Json;
import io.legalhub.sandbox.http.Request;
import io.legalhub.sandbox.http.Response;
import io.legalhub.sandbox.http.Router;
import io.legalhub.sandbox.seed.SeedData;
import io.legalhub.sandbox.store.SystemStore;
import io.legalhub.sandbox.systems.relativity.AdminArtifacts;
import io.legalhub.sandbox.systems.relativity.Catalog;
import io.legalhub.sandbox.systems.relativity.KeplerErrors;
import io.legalhub.sandbox.systems.relativity.MatterManagerApi;
import io.legalhub.sandbox.systems.relativity.ObjectFields;
import io.legalhub.sandbox.systems.relativity.ObjectManagerApi;
import io.legalhub.sandbox.systems.relativity.RelativityContext;
import io.legalhub.sandbox.systems.relativity.WorkspaceJobs;
import io.legalhub.sandbox.systems.relativity.WorkspaceServiceApi;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * E-discovery as Relativity publishes it: Matter Manager (relativity-environment), the Workspace Service with its
 * asynchronous creation jobs (relativity-workspace-service) and Object Manager (relativity-object-manager), all
 * under {@code /ediscovery}. The services live in {@code systems.relativity}; this class wires them to the
 * sandbox's storage, faults and control endpoints. Internal.
 */
public final class EdiscoveryModule extends SystemModule implements RelativityContext {

    private final AdminArtifacts data;
    private final WorkspaceJobs jobs;
    private final MatterManagerApi matterManager;
    private final WorkspaceServiceApi workspaceService;
    private final ObjectManagerApi objectManager;

    public EdiscoveryModule(SystemStore store, SandboxSettings settings) {
        super(SandboxSystem.EDISCOVERY, store, settings);
        data = new AdminArtifacts(store);
        jobs = new WorkspaceJobs(data, settings.ediscoveryJobDelay());
        matterManager = new MatterManagerApi(data, this);
        workspaceService = new WorkspaceServiceApi(data, jobs, this);
        objectManager = new ObjectManagerApi(data, new ObjectFields(data), this);
        jobs.resumePending();
    }

    @Override
    protected List<BusinessKey> businessKeys() {
        return List.of(new BusinessKey(AdminArtifacts.MATTERS, "Number", "ArtifactID"),
                new BusinessKey(AdminArtifacts.WORKSPACES, "MatterNumber", "ArtifactID"));
    }

    /** The firm's clients, with fixed ArtifactIDs from 1015001 in seed order; the hub creates matters and workspaces. */
    @Override
    protected void seed(SeedData seed) {
        String ts = now();
        long id = Catalog.FIRST_SEEDED_CLIENT;
        for (SeedData.Contact c : seed.clients()) {
            data.putClient(id++, c.name(), c.clientNumber(), null, ts);
        }
    }

    @Override
    protected void registerApi(Router r) {
        matterManager.register(r);
        workspaceService.register(r);
        objectManager.register(r);
    }

    @Override
    protected void registerControl(Router r) {
        // Relativity publishes no API to create clients, so tests add them here
        r.post("/_control/clients", req -> {
            Fields f = new Fields(req.jsonObject());
            f.rejectUnknown(Set.of("Name", "ClientNumber", "Notes"), Set.of());
            String name = f.text("Name", true, 255);
            String number = f.text("ClientNumber", true, 255);
            String notes = f.text("Notes", false, 10_000);
            f.check();
            return Response.created(store.write(() -> data.putClient(null, name, number, notes, now())));
        });
        // a workspace deleted behind the hub's back, for reconciliation tests
        r.delete("/_control/workspaces/{id}", req -> store.write(() -> {
            Long key = IdFormat.parseNumber(req.pathVar("id"));
            if (key == null || !store.table(AdminArtifacts.WORKSPACES).remove(key)) {
                throw notFound("workspace", req.pathVar("id"));
            }
            return Response.noContent();
        }));
        r.get("/_control/workspace-jobs", req -> Response.ok(jobSettings()));
        r.put("/_control/workspace-jobs", req -> changeJobSettings(req, true));
        r.patch("/_control/workspace-jobs", req -> changeJobSettings(req, false));
    }

    private ObjectNode jobSettings() {
        ObjectNode n = Json.object();
        n.put("delayMs", jobs.delay().toMillis());
        n.put("failNext", jobs.failNext());
        return n;
    }

    /** PUT resets what it does not name (delay to the start-up setting, failNext to 0); PATCH changes only what it names. */
    private Response changeJobSettings(Request req, boolean replace) {
        Fields f = new Fields(req.jsonObject());
        f.rejectUnknown(Set.of("delayMs", "failNext"), Set.of());
        Long delay = f.integer("delayMs", false, 0, 3_600_000);
        Long failNext = f.integer("failNext", false, 0, 1_000_000);
        f.check();
        if (delay != null || replace) {
            jobs.delay(delay == null ? SandboxSettings.DEFAULT_EDISCOVERY_JOB_DELAY : Duration.ofMillis(delay));
        }
        if (failNext != null || replace) {
            jobs.failNext(failNext == null ? 0 : failNext.intValue());
        }
        return Response.ok(jobSettings());
    }

    @Override
    protected Response errorResponse(Request req, ApiException e) {
        return KeplerErrors.render(req, e);
    }

    @Override
    public String timestamp() {
        return now();
    }

    @Override
    public void rejectIfListed(Collection<String> matterNumbers) {
        checkRejected(matterNumbers);
    }

    @Override
    public void close() {
        jobs.close();
        super.close();
    }
}
