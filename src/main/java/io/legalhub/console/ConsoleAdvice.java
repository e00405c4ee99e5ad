package io.legalhub.console;

import io.legalhub.api.NotFoundException;
import io.legalhub.deadletter.DeadLetterNotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * What every console page needs: the signed-in user for the header, and HTML answers (not the API's
 * problem JSON) when something asked for does not exist. Ordered before the API's advice, and limited
 * to the console's controllers.
 */
@ControllerAdvice(basePackageClasses = ConsoleAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleAdvice {

    @ModelAttribute("user")
    ConsoleUser user(Authentication authentication) {
        return ConsoleUser.of(authentication);
    }

    @ExceptionHandler({DeadLetterNotFoundException.class, NotFoundException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(RuntimeException e, Model model, Authentication authentication) {
        model.addAttribute("user", ConsoleUser.of(authentication));
        model.addAttribute("title", "Not found");
        model.addAttribute("message", e.getMessage());
        return "console/problem";
    }

    @ExceptionHandler(IllegalArgumentException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badRequest(IllegalArgumentException e, Model model, Authentication authentication) {
        model.addAttribute("user", ConsoleUser.of(authentication));
        model.addAttribute("title", "That request cannot be answered");
        model.addAttribute("message", e.getMessage());
        return "console/problem";
    }
}
