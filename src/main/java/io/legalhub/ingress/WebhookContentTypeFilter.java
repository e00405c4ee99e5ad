package io.legalhub.ingress;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Webhooks must be JSON. A form-encoded POST (what curl -d sends) would otherwise be parsed as form
 * parameters before the ingress route sees it and fail obscurely; it gets a clear 415 instead.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class WebhookContentTypeFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/webhooks/") || !"POST".equalsIgnoreCase(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase().contains("json")) {
            response.setStatus(415);
            response.setContentType("application/json");
            response.getWriter().write("{\"status\":\"rejected\",\"message\":\"Content-Type must be application/json"
                    + (type == null ? "" : ", got " + type.replace("\"", "'")) + "\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
