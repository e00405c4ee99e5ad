package io.legalhub.console;

import io.legalhub.subscriptions.SubscriptionCoverage;
import io.legalhub.systems.oauth.SystemAccessTokens;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's front page: is everything flowing, and where is it not. */
@Controller
class DashboardController {

    private final Dashboard dashboard;
    private final SubscriptionCoverage subscriptions;
    private final SystemAccessTokens access;

    DashboardController(Dashboard dashboard, SubscriptionCoverage subscriptions, SystemAccessTokens access) {
        this.dashboard = dashboard;
        this.subscriptions = subscriptions;
        this.access = access;
    }

    @GetMapping({"/console", "/console/"})
    String dashboard(Model model) {
        model.addAttribute("view", dashboard.now());
        model.addAttribute("webhooks", subscriptions.now());
        model.addAttribute("access", access.statuses().stream().filter(s -> s.type().equals("oauth2")).toList());
        return "console/dashboard";
    }
}
