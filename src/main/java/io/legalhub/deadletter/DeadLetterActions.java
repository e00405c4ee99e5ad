package io.legalhub.deadletter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.legalhub.api.BadRequestException;
import io.legalhub.jobs.JobRunner;
import io.legalhub.jobs.JobStore;
import io.legalhub.journal.Journal;
import io.legalhub.journal.JournalEntry;
import io.legalhub.journal.Step;
import io.legalhub.messaging.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * What an operator can do to a dead letter besides replaying it: edit its payload (kept as a diff, with
 * who and when), discard it with a reason, mark it resolved, and replay many at once by filter as a job.
 * Every action lands in the dead letter's history under the operator's name.
 */
@Service
public class DeadLetterActions {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterActions.class);
    private static final List<DeadLetterStatus> OPEN_ONLY = List.of(DeadLetterStatus.OPEN);
    private static final List<DeadLetterStatus> NOT_CLOSED = List.of(DeadLetterStatus.OPEN, DeadLetterStatus.REPLAYING);
    private static final int PROGRESS_EVERY = 50;

    private final DeadLetterStore store;
    private final ReplayService replays;
    private final Journal journal;
    private final JobStore jobs;
    private final JobRunner runner;
    private final ObjectMapper json;
    private final Path mappingsDir;
    private final int replayLanes;

    public DeadLetterActions(DeadLetterStore store, ReplayService replays, Journal journal, JobStore jobs, JobRunner runner,
                             ObjectMapper json, @Value("${hub.mappings-dir}") String mappingsDir,
                             @Value("${hub.replay.parallelism:4}") int replayLanes) {
        this.store = store;
        this.replays = replays;
        this.journal = journal;
        this.jobs = jobs;
        this.runner = runner;
        this.json = json;
        this.mappingsDir = Path.of(mappingsDir);
        this.replayLanes = Math.max(1, replayLanes);
    }

    public DeadLetter editPayload(long id, String newBody, String actor) {
        DeadLetter dl = store.get(id);
        if (dl.status() != DeadLetterStatus.OPEN) {
            throw new DeadLetterStateException("Dead letter " + id + " is " + dl.status().id() + "; only open dead letters can be edited");
        }
        if (newBody == null || newBody.isBlank()) {
            throw new BadRequestException("The new payload is empty");
        }
        String body = newBody;
        if (looksLikeJson(dl.body())) {
            JsonNode parsed = parseJson(newBody);
            checkCanonical(dl, parsed);
            body = pretty(parsed);
        }
        String diff = LineDiff.of(looksLikeJson(dl.body()) ? pretty(parseQuietly(dl.body())) : dl.body(), body);
        store.replaceBody(id, body, actor, diff);
        log.info("Dead letter {} payload edited by {}", id, actor);
        return store.get(id);
    }

    public DeadLetter discard(long id, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw new BadRequestException("A reason is required to discard a dead letter");
        }
        DeadLetter dl = store.get(id);
        if (!store.transition(id, NOT_CLOSED, DeadLetterStatus.DISCARDED, actor, "discarded", reason)) {
            throw new DeadLetterStateException("Dead letter " + id + " is " + dl.status().id() + "; it cannot be discarded");
        }
        if (dl.recordKey() != null) {
            journal.record(JournalEntry.of(dl.entityType(), dl.recordKey(), Step.DISCARDED).system(dl.target())
                    .detail("dead letter " + id + " discarded by " + actor + ": " + reason));
        }
        return store.get(id);
    }

    public DeadLetter resolve(long id, String note, String actor) {
        DeadLetter dl = store.get(id);
        if (!store.transition(id, NOT_CLOSED, DeadLetterStatus.RESOLVED, actor, "resolved", note == null || note.isBlank() ? null : note)) {
            throw new DeadLetterStateException("Dead letter " + id + " is " + dl.status().id() + "; it cannot be marked resolved");
        }
        if (dl.recordKey() != null) {
            journal.record(JournalEntry.of(dl.entityType(), dl.recordKey(), Step.RESOLVED).system(dl.target())
                    .detail("dead letter " + id + " resolved by " + actor + (note == null || note.isBlank() ? "" : ": " + note)));
        }
        return store.get(id);
    }

    /** Replays every open dead letter matching the filter, in the background; returns the job id. */
    public long replayMatching(DeadLetterQuery query, String actor) {
        DeadLetterQuery openOnly = new DeadLetterQuery(DeadLetterStatus.OPEN, query.system(), query.sourceSystem(), query.target(),
                query.entityType(), query.errorClass(), query.keyContains(), query.from(), query.to());
        List<ReplayLanes.Item> items = store.replayItems(openOnly);
        long jobId = jobs.start("bulk-replay", actor, describe(openOnly), items.size());
        log.info("Bulk replay job {} by {}: {} dead letter(s) match {}", jobId, actor, items.size(), describe(openOnly));
        // each send waits for the broker to write the message to its journal; lanes side by side share those writes
        List<List<Long>> lanes = ReplayLanes.split(items, replayLanes);
        runner.submit(jobId, () -> {
            BulkReplayProgress progress = new BulkReplayProgress(jobId);
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, lanes.size()), r -> {
                Thread t = new Thread(r, "operator-replay-" + jobId);
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> running = new ArrayList<>();
                for (List<Long> lane : lanes) {
                    running.add(pool.submit(() -> {
                        for (long id : lane) {
                            if (Thread.currentThread().isInterrupted()) {
                                return;
                            }
                            try {
                                replays.replay(id, actor);
                                progress.done(true);
                            } catch (RuntimeException e) {
                                progress.done(false);
                                log.debug("Bulk replay job {}: dead letter {} not replayed: {}", jobId, id, e.getMessage());
                            }
                        }
                    }));
                }
                for (Future<?> lane : running) {
                    lane.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                pool.shutdownNow();
                throw new IllegalStateException("bulk replay interrupted after " + progress.done + " of " + items.size(), e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("bulk replay lane failed: " + e.getCause(), e.getCause());
            } finally {
                pool.shutdown();
            }
            progress.report();
            jobs.finish(jobId, "completed", progress.succeeded + " replayed"
                    + (progress.failed == 0 ? "" : ", " + progress.failed + " could not be (no longer open)"));
        });
        return jobId;
    }

    /** Counts of a bulk replay whose lanes run side by side, reported every PROGRESS_EVERY dead letters. */
    private final class BulkReplayProgress {
        private final long jobId;
        private int done;
        private int succeeded;
        private int failed;

        BulkReplayProgress(long jobId) {
            this.jobId = jobId;
        }

        synchronized void done(boolean replayed) {
            done++;
            if (replayed) {
                succeeded++;
            } else {
                failed++;
            }
            if (done % PROGRESS_EVERY == 0) {
                report();
            }
        }

        synchronized void report() {
            jobs.progress(jobId, done, succeeded, failed);
        }
    }

    private static String describe(DeadLetterQuery q) {
        StringBuilder s = new StringBuilder("status=open");
        append(s, "system", q.system());
        append(s, "source", q.sourceSystem());
        append(s, "target", q.target());
        append(s, "entity", q.entityType());
        append(s, "errorClass", q.errorClass());
        append(s, "q", q.keyContains());
        append(s, "from", q.from());
        append(s, "to", q.to());
        return s.toString();
    }

    private static void append(StringBuilder s, String name, Object value) {
        if (value != null) {
            s.append('&').append(name).append('=').append(value);
        }
    }

    /** A payload edited at the deliver stage is a canonical record: check it against its schema before keeping it. */
    private void checkCanonical(DeadLetter dl, JsonNode parsed) {
        if (Stage.of(dl.stage()) != Stage.DELIVER) {
            return;
        }
        Path schema = mappingsDir.resolve("canonical").resolve(dl.entityType() + ".schema.json");
        if (!Files.exists(schema)) {
            return;
        }
        try {
            Set<ValidationMessage> errors = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(Files.readString(schema)).validate(parsed);
            if (!errors.isEmpty()) {
                throw new BadRequestException("The edited payload does not match mappings/canonical/" + dl.entityType()
                        + ".schema.json: " + errors.stream().map(ValidationMessage::getMessage).collect(Collectors.joining("; ")));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + schema, e);
        }
    }

    private JsonNode parseJson(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            var where = e.getLocation();
            throw new BadRequestException("The new payload is not valid JSON" + (where == null ? "" : " (line " + where.getLineNr()
                    + ", column " + where.getColumnNr() + ")") + ": " + e.getOriginalMessage());
        }
    }

    private JsonNode parseQuietly(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return json.getNodeFactory().textNode(text);
        }
    }

    private String pretty(JsonNode node) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean looksLikeJson(String body) {
        if (body == null) {
            return false;
        }
        String t = body.stripLeading();
        return t.startsWith("{") || t.startsWith("[");
    }
}
