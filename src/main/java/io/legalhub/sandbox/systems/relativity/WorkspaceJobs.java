package io.legalhub.sandbox.systems.relativity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.sandbox.http.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Workspace Service's asynchronous creation jobs. A job runs for the configured delay, then creates its
 * workspace ({@code Completed}) or, when told to fail, ends {@code Failed} without one. Jobs are stored, so a
 * restart finishes the ones that were running. A poll of an overdue job finishes it at once, so a client never
 * depends on the timer's punctuality. Internal.
 */
public final class WorkspaceJobs implements AutoCloseable {

    public static final String IN_PROGRESS = "InProgress";
    public static final String COMPLETED = "Completed";
    public static final String FAILED = "Failed";
    /** Steps a job reports: validate, create the database, apply the template, finish. */
    public static final int TOTAL_STEPS = 4;
    private static final int FAILING_STEP = 2;

    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceJobs.class);

    /** Creates the workspace of a finished job inside the store's write lock; null when the job must fail. */
    public interface Materializer {
        Long create(ObjectNode spec, String jobId);
    }

    private final AdminArtifacts data;
    private final ScheduledExecutorService timer;
    private final AtomicInteger failNext = new AtomicInteger();
    private volatile Duration delay;
    private volatile Materializer materializer;

    public WorkspaceJobs(AdminArtifacts data, Duration delay) {
        this.data = data;
        this.delay = delay;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sandbox-ediscovery-jobs");
            t.setDaemon(true);
            return t;
        });
    }

    void materializer(Materializer m) {
        this.materializer = m;
    }

    /** Queues a job for a validated create request; call inside the store's write lock. */
    ObjectNode enqueue(ObjectNode spec) {
        long key = data.store.nextId("workspace_jobs", 1);
        long now = System.currentTimeMillis();
        long delayMs = delay.toMillis();
        ObjectNode job = Json.object();
        job.put("JobId", UUID.randomUUID().toString());
        job.set("Spec", spec);
        job.put("StartedAtMs", now);
        job.put("DueAtMs", now + delayMs);
        job.put("JobState", IN_PROGRESS);
        job.putNull("WorkspaceArtifactId");
        job.put("WillFail", decrementIfPositive(failNext));
        data.jobs.put(key, job);
        schedule(key, job.path("JobId").asText(), delayMs);
        return job;
    }

    /** The job's progress as {@code WorkspaceCreateJobResponse}; null when there is no such job. */
    ObjectNode status(String jobId) {
        Map.Entry<Long, ObjectNode> e = find(jobId);
        if (e == null) {
            return null;
        }
        ObjectNode job = e.getValue();
        if (IN_PROGRESS.equals(job.path("JobState").asText()) && System.currentTimeMillis() >= job.path("DueAtMs").asLong()) {
            finish(e.getKey(), jobId);
            job = data.jobs.get(e.getKey());
        }
        return render(job);
    }

    /** Schedules the jobs a previous run left unfinished. */
    public void resumePending() {
        long now = System.currentTimeMillis();
        data.jobs.entries().forEach((key, job) -> {
            if (IN_PROGRESS.equals(job.path("JobState").asText())) {
                schedule(key, job.path("JobId").asText(), Math.max(0, job.path("DueAtMs").asLong() - now));
            }
        });
    }

    int pending() {
        return (int) data.jobs.all().stream().filter(j -> IN_PROGRESS.equals(j.path("JobState").asText())).count();
    }

    public Duration delay() {
        return delay;
    }

    public void delay(Duration d) {
        this.delay = d;
    }

    public int failNext() {
        return failNext.get();
    }

    public void failNext(int n) {
        failNext.set(n);
    }

    private Map.Entry<Long, ObjectNode> find(String jobId) {
        for (Map.Entry<Long, ObjectNode> e : data.jobs.entries().entrySet()) {
            if (e.getValue().path("JobId").asText().equalsIgnoreCase(jobId)) {
                return e;
            }
        }
        return null;
    }

    private void schedule(long key, String jobId, long delayMs) {
        try {
            timer.schedule(() -> {
                try {
                    finish(key, jobId);
                } catch (RuntimeException ex) {
                    // the store may have been closed by a shutdown while the job was due
                    LOG.debug("workspace job {} could not finish: {}", key, ex.toString());
                }
            }, delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException ex) {
            LOG.debug("workspace job {} not scheduled: the e-discovery system is closing", key);
        }
    }

    /** Finishes the job if it is still the one scheduled: after a reset, keys restart and may name a newer job. */
    private void finish(long key, String jobId) {
        data.store.write(() -> {
            ObjectNode job = data.jobs.get(key);
            if (job == null || !job.path("JobId").asText().equalsIgnoreCase(jobId)
                    || !IN_PROGRESS.equals(job.path("JobState").asText())) {
                return;
            }
            ObjectNode done = job.deepCopy();
            Long workspaceId = job.path("WillFail").asBoolean() ? null
                    : materializer.create((ObjectNode) job.get("Spec"), job.path("JobId").asText());
            if (workspaceId == null) {
                done.put("JobState", FAILED);
            } else {
                done.put("JobState", COMPLETED);
                done.put("WorkspaceArtifactId", workspaceId);
            }
            done.put("FinishedAtMs", System.currentTimeMillis());
            data.jobs.put(key, done);
        });
    }

    private static ObjectNode render(ObjectNode job) {
        String state = job.path("JobState").asText();
        ObjectNode n = Json.object();
        n.put("JobId", job.path("JobId").asText());
        n.set("WorkspaceArtifactId", job.get("WorkspaceArtifactId"));
        n.put("TotalNumberOfSteps", TOTAL_STEPS);
        n.put("CurrentStep", switch (state) {
            case COMPLETED -> TOTAL_STEPS;
            case FAILED -> FAILING_STEP;
            default -> runningStep(job);
        });
        n.put("JobState", state);
        n.put("Attempt", 1);
        return n;
    }

    private static int runningStep(ObjectNode job) {
        long start = job.path("StartedAtMs").asLong();
        long span = Math.max(1, job.path("DueAtMs").asLong() - start);
        long elapsed = Math.max(0, System.currentTimeMillis() - start);
        int step = 1 + (int) ((TOTAL_STEPS - 1) * elapsed / span);
        return Math.min(TOTAL_STEPS - 1, step);
    }

    private static boolean decrementIfPositive(AtomicInteger n) {
        return n.getAndUpdate(v -> v > 0 ? v - 1 : 0) > 0;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
