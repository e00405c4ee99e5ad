package io.legalhub.console;

import java.util.List;

import io.legalhub.api.NotFoundException;
import io.legalhub.deadletter.DeadLetterActions;
import io.legalhub.deadletter.DeadLetterQuery;
import io.legalhub.deadletter.DeadLetterStatus;
import io.legalhub.deadletter.DeadLetterStore;
import io.legalhub.jobs.JobStore;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Replay all matching": the list's filters → a confirmation saying how many open dead letters match →
 * a background job → a page following the job until it is done.
 */
@Controller
class BulkReplayPages {

    private final DeadLetterStore store;
    private final DeadLetterActions actions;
    private final JobStore jobs;

    BulkReplayPages(DeadLetterStore store, DeadLetterActions actions, JobStore jobs) {
        this.store = store;
        this.actions = actions;
        this.jobs = jobs;
    }

    /** Bulk replay takes open dead letters only, whatever status the list shows. */
    static DeadLetterQuery openOnly(DeadLetterQuery q) {
        return new DeadLetterQuery(DeadLetterStatus.OPEN, q.system(), q.sourceSystem(), q.target(), q.entityType(), q.errorClass(),
                q.keyContains(), q.from(), q.to());
    }

    @GetMapping("/console/dead-letters/replay")
    String confirm(@ModelAttribute("filter") DeadLetterFilter filter, BindingResult binding, Authentication user, Model model) {
        requireOperator(user);
        filter.setStatus(DeadLetterStatus.OPEN.id());
        List<String> problems = binding.hasErrors() ? List.of("The filters in this link are not valid") : filter.problems();
        model.addAttribute("problems", problems);
        model.addAttribute("matching", problems.isEmpty() ? store.count(openOnly(filter.toQuery())) : 0L);
        return "console/bulk-replay";
    }

    @PostMapping("/console/dead-letters/replay")
    String start(@ModelAttribute("filter") DeadLetterFilter filter, BindingResult binding, Authentication user,
                 RedirectAttributes flash) {
        filter.setStatus(DeadLetterStatus.OPEN.id());
        if (binding.hasErrors() || !filter.problems().isEmpty()) {
            flash.addFlashAttribute("problem", "The filters are not valid; nothing was replayed.");
            return "redirect:/console/dead-letters";
        }
        long jobId = actions.replayMatching(filter.toQuery(), user.getName());
        return "redirect:/console/jobs/" + jobId;
    }

    @GetMapping("/console/jobs/{id}")
    String job(@PathVariable long id, Model model) {
        model.addAttribute("job", jobs.find(id).orElseThrow(() -> new NotFoundException("No job with id " + id)));
        return "console/job";
    }

    private static void requireOperator(Authentication user) {
        ConsoleUser who = ConsoleUser.of(user);
        if (who == null || !who.operator()) {
            throw new AccessDeniedException("Bulk replay needs the operator role");
        }
    }
}
