package io.legalhub.jobs;

import java.util.List;

import io.legalhub.api.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class JobController {

    private final JobStore jobs;

    public JobController(JobStore jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/api/jobs/{id}")
    public JobView job(@PathVariable long id) {
        return jobs.find(id).map(JobView::of).orElseThrow(() -> new NotFoundException("No job with id " + id));
    }

    @GetMapping("/api/jobs")
    public List<JobView> recent() {
        return jobs.recent(50).stream().map(JobView::of).toList();
    }

    public record JobView(long id, String kind, String status, String actor, String parameters, int total, int done,
                          int succeeded, int failed, int percent, String message, java.time.OffsetDateTime startedAt,
                          java.time.OffsetDateTime finishedAt) {
        static JobView of(OperatorJob j) {
            return new JobView(j.id(), j.kind(), j.status(), j.actor(), j.parameters(), j.total(), j.done(), j.succeeded(),
                    j.failed(), j.percent(), j.message(), j.startedAt(), j.finishedAt());
        }
    }
}
