package io.legalhub.console;

import io.legalhub.subscriptions.SubscriptionCoverage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's front page: is everything flowing, and where is it not. */
@Controller
class DashboardController {

    private final Dashboard dashboard;
    private final SubscriptionCoverage subscriptions;

    DashboardController(Dashboard dashboard, SubscriptionCoverage subscriptions) {
        this.dashboard = dashboard;
        this.subscriptions = subscriptions;
    }

    @GetMapping({"/console", "/console/"})
    String dashboard(Model model) {
        model.addAttribute("view", dashboard.now());
        model.addAttribute("webhooks", subscriptions.now());
        return "console/dashboard";
    }
}
