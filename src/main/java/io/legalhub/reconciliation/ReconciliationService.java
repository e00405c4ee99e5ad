package io.legalhub.reconciliation;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Starts reconciliation runs, on request or on schedule, one at a time: a run is recorded as running
 * before it starts, in a slot the database lets only one run hold (so two hub instances cannot run at
 * once either), and carried out on the hub's single reconciliation thread.
 */
@Service("reconciliation")
public class ReconciliationService {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationService.class);

    private final ReconciliationRunner runner;
    private final ReconciliationStore store;
    private final ReconciliationProperties properties;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "reconciliation");
        thread.setDaemon(true);
        return thread;
    });

    public ReconciliationService(ReconciliationRunner runner, ReconciliationStore store, ReconciliationProperties properties) {
        this.runner = runner;
        this.store = store;
        this.properties = properties;
    }

    /**
     * Starts a run in the background.
     *
     * @param system only this target system, or null for every target of every flow
     * @throws RunInProgressException   when a run is running
     * @throws IllegalArgumentException when {@code system} is no flow's target
     */
    public Run start(String system, String startedBy, String trigger) {
        runner.scope(system);
        int abandoned = store.abandonStale(properties.getStaleAfter());
        if (abandoned > 0) {
            log.warn("Marked {} reconciliation run(s) failed: no progress for {}", abandoned, properties.getStaleAfter());
        }
        long id = store.open(startedBy, trigger, system).orElseThrow(() -> new RunInProgressException(store.running()
                .map(r -> "Reconciliation run " + r.id() + " is still running (started " + r.startedAt() + " by " + r.startedBy()
                        + "); only one run at a time, start another once it has finished")
                .orElse("Another reconciliation run is starting; try again once it has finished")));
        try {
            executor.execute(() -> runner.run(id, system));
        } catch (RejectedExecutionException e) {
            store.finish(id, RunStatus.FAILED, "the hub is shutting down");
            throw new RunInProgressException("The hub is shutting down; no run was started");
        }
        log.info("Reconciliation {} started by {} ({}) for {}", id, startedBy, trigger, system == null ? "every target" : system);
        return store.find(id).orElseThrow();
    }

    /** Called by the schedule (routes/reconciliation.yaml): a run already running is not an error there. */
    public void startScheduled() {
        try {
            start(null, "schedule", Run.TRIGGER_SCHEDULE);
        } catch (RunInProgressException e) {
            log.info("Scheduled reconciliation not started: {}", e.getMessage());
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        executor.shutdownNow();
        if (!executor.awaitTermination(15, TimeUnit.SECONDS)) {
            log.warn("A reconciliation run did not stop within 15 s; it will be failed as abandoned after {}", properties.getStaleAfter());
        }
    }
}
