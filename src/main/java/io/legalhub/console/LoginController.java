package io.legalhub.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The sign-in page (Spring Security does the signing in) and the page for a refused action. */
@Controller
class LoginController {

    @GetMapping("/console/login")
    String login(HttpServletRequest request, Model model) {
        // Spring Security appends a bare "?error" or "?logout": their presence is the message
        if (request.getParameterMap().containsKey("error")) {
            model.addAttribute("problem", "The user name or password is not right. Check both and try again.");
        }
        if (request.getParameterMap().containsKey("logout")) {
            model.addAttribute("notice", "You are signed out.");
        }
        return "console/login";
    }

    /** Where Spring Security forwards a refused console request (see SecurityConfiguration). */
    @RequestMapping("/console/forbidden")
    String forbidden(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        Object denied = request.getAttribute(WebAttributes.ACCESS_DENIED_403);
        model.addAttribute("title", "Not allowed");
        model.addAttribute("message", denied instanceof CsrfException
                ? "This form was out of date (for example after signing in again in another tab). Go back, reload the page and try again."
                : "Your role can read everything here but not change it. Replay, edit, discard and resolve need the operator role.");
        return "console/problem";
    }
}
