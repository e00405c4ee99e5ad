package io.legalhub.console;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.legalhub.api.BadRequestException;
import io.legalhub.deadletter.DeadLetter;
import io.legalhub.deadletter.DeadLetterActions;
import io.legalhub.deadletter.DeadLetterStateException;
import io.legalhub.deadletter.DeadLetterStatus;
import io.legalhub.deadletter.DeadLetterStore;
import io.legalhub.deadletter.ReplayNotQueuedException;
import io.legalhub.deadletter.ReplayPreview;
import io.legalhub.deadletter.ReplayService;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The dead letters: a filtered list, and one dead letter with its cause, payload and history, where an
 * operator edits, replays, discards or resolves it. Every action goes through the same services as the
 * API and ends with a message saying what happened (or why not).
 */
@Controller
@RequestMapping("/console/dead-letters")
class DeadLetterPages {

    private final DeadLetterStore store;
    private final DeadLetterActions actions;
    private final ReplayService replays;
    private final ReplayPreview preview;
    private final DeadLetterFacets facets;

    DeadLetterPages(DeadLetterStore store, DeadLetterActions actions, ReplayService replays, ReplayPreview preview,
                    DeadLetterFacets facets) {
        this.store = store;
        this.actions = actions;
        this.replays = replays;
        this.preview = preview;
        this.facets = facets;
    }

    /** A dead letter with its failure in plain words, as list rows and the detail page show it. */
    public record Row(DeadLetter dl, FailureExplanation why) {
        static Row of(DeadLetter dl) {
            return new Row(dl, FailureExplanation.of(dl));
        }
    }

    @GetMapping
    String list(@ModelAttribute("filter") DeadLetterFilter filter, BindingResult binding, Model model) {
        List<String> problems = binding.hasErrors()
                ? binding.getFieldErrors().stream().map(e -> "'" + e.getRejectedValue() + "' is not a valid " + e.getField()).toList()
                : filter.problems();
        model.addAttribute("choices", facets.now());
        model.addAttribute("pageSizes", DeadLetterFilter.PAGE_SIZES);
        model.addAttribute("problems", problems);
        if (!problems.isEmpty()) {
            model.addAttribute("rows", List.of());
            model.addAttribute("total", 0L);
            model.addAttribute("openMatching", 0L);
            model.addAttribute("pages", 0);
            return "console/dead-letters";
        }
        var query = filter.toQuery();
        long total = store.count(query);
        model.addAttribute("rows", store.search(query, filter.getPage(), filter.getSize(), filter.getSort(),
                "asc".equals(filter.getDirection())).stream().map(Row::of).toList());
        model.addAttribute("total", total);
        model.addAttribute("pages", (int) ((total + filter.getSize() - 1) / filter.getSize()));
        model.addAttribute("openMatching", store.count(BulkReplayPages.openOnly(query)));
        return "console/dead-letters";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        DeadLetter dl = store.get(id);
        model.addAttribute("row", Row.of(dl));
        model.addAttribute("history", store.history(id));
        model.addAttribute("open", dl.status() == DeadLetterStatus.OPEN);
        model.addAttribute("closable", dl.status() == DeadLetterStatus.OPEN || dl.status() == DeadLetterStatus.REPLAYING);
        return "console/dead-letter";
    }

    /** What a replay would do now, without doing it. Reading only, so viewers may look too. */
    @GetMapping("/{id}/dry-run")
    String dryRun(@PathVariable long id, Model model) {
        DeadLetter dl = store.get(id);
        Map<String, Object> result = preview.preview(id);
        model.addAttribute("row", Row.of(dl));
        model.addAttribute("result", result);
        return "console/dry-run";
    }

    @PostMapping("/{id}/payload")
    String savePayload(@PathVariable long id, @RequestParam(defaultValue = "") String payload, Authentication user,
                       RedirectAttributes flash) {
        boolean saved = act(flash, () -> {
            actions.editPayload(id, payload, user.getName());
            return "Your edit of dead letter " + id + " is saved (see the history below). Replay it to send the edited record.";
        });
        if (!saved) {
            flash.addFlashAttribute("draft", payload);
        }
        return "redirect:/console/dead-letters/" + id;
    }

    @PostMapping("/{id}/replay")
    String replay(@PathVariable long id, Authentication user, RedirectAttributes flash) {
        act(flash, () -> {
            DeadLetter dl = replays.replay(id, user.getName());
            return "Dead letter " + id + " was sent back to its " + dl.stage() + " stage"
                    + (dl.target() == null || Dashboard.HUB.equals(dl.target()) ? "" : " for " + dl.target())
                    + ". It shows \"replayed\" once it has gone through, or opens again with the new error.";
        });
        return "redirect:/console/dead-letters/" + id;
    }

    @PostMapping("/{id}/discard")
    String discard(@PathVariable long id, @RequestParam(defaultValue = "") String reason, Authentication user,
                   RedirectAttributes flash) {
        act(flash, () -> {
            actions.discard(id, reason, user.getName());
            return "Dead letter " + id + " is discarded. The reason is kept in its history.";
        });
        return "redirect:/console/dead-letters/" + id;
    }

    @PostMapping("/{id}/resolve")
    String resolve(@PathVariable long id, @RequestParam(defaultValue = "") String note, Authentication user,
                   RedirectAttributes flash) {
        act(flash, () -> {
            actions.resolve(id, note, user.getName());
            return "Dead letter " + id + " is marked resolved.";
        });
        return "redirect:/console/dead-letters/" + id;
    }

    /** Runs an action; its sentence (or the reason it was refused) becomes the next page's message. */
    private static boolean act(RedirectAttributes flash, Supplier<String> action) {
        try {
            flash.addFlashAttribute("notice", action.get());
            return true;
        } catch (BadRequestException | DeadLetterStateException | ReplayNotQueuedException | IllegalArgumentException e) {
            flash.addFlashAttribute("problem", e.getMessage());
            return false;
        }
    }
}
