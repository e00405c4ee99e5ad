package io.legalhub.console;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's front page: is everything flowing, and where is it not. */
@Controller
class DashboardController {

    private final Dashboard dashboard;

    DashboardController(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping({"/console", "/console/"})
    String dashboard(Model model) {
        model.addAttribute("view", dashboard.now());
        return "console/dashboard";
    }
}
