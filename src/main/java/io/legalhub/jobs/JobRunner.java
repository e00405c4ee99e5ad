package io.legalhub.jobs;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Runs operator jobs one at a time in the background, so a bulk action never competes with itself. */
@Component
public class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final JobStore jobs;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "operator-jobs");
        t.setDaemon(true);
        return t;
    });

    public JobRunner(JobStore jobs) {
        this.jobs = jobs;
    }

    @EventListener(ApplicationReadyEvent.class)
    void interruptedJobsAreMarked() {
        int interrupted = jobs.markInterrupted();
        if (interrupted > 0) {
            log.warn("{} operator job(s) were interrupted by the last shutdown", interrupted);
        }
    }

    public void submit(long jobId, Runnable work) {
        executor.submit(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.error("Operator job {} failed: {}", jobId, e.toString());
                jobs.finish(jobId, "failed", e.getMessage());
            }
        });
    }

    @PreDestroy
    void stop() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
