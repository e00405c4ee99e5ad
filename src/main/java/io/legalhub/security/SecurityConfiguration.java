package io.legalhub.security;

import java.io.IOException;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;

/**
 * Who may do what. Webhooks are authenticated by their HMAC signature (checked in the ingress route),
 * so they pass here and skip CSRF. The API takes HTTP Basic (embedded users) or, when a JWT issuer is
 * configured, bearer tokens; viewers read, operators also change things. The console uses a login
 * form with CSRF protection. 401 and 403 answers are JSON that say what is missing (a page, in the console).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    public static final String VIEWER = "VIEWER";
    public static final String OPERATOR = "OPERATOR";

    @Bean
    SecurityFilterChain hubSecurity(HttpSecurity http, ObjectProvider<JwtDecoder> jwtDecoder,
                                    HubSecurityProperties properties, ObjectMapper json) throws Exception {
        // a refused console request gets a page saying why, with status 403
        AccessDeniedHandlerImpl consolePage = new AccessDeniedHandlerImpl();
        consolePage.setErrorPage("/console/forbidden");
        http.csrf(csrf -> csrf
                        .ignoringRequestMatchers("/webhooks/**", "/api/**")
                        .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse()))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/webhooks/**").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
                        .requestMatchers("/api/openapi/**", "/error").permitAll()
                        .requestMatchers("/console/login", "/console/forbidden", "/console/css/**", "/console/js/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/ledes/validate").hasRole(VIEWER)
                        .requestMatchers(HttpMethod.GET, "/api/**").hasRole(VIEWER)
                        .requestMatchers("/api/**").hasRole(OPERATOR)
                        .requestMatchers(HttpMethod.GET, "/console/**").hasRole(VIEWER)
                        .requestMatchers("/console/**").hasRole(OPERATOR)
                        .requestMatchers("/actuator/**").hasRole(VIEWER)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    if (request.getRequestURI().startsWith("/console")) {
                        response.sendRedirect("/console/login");
                    } else {
                        problem(json, response, 401, "Unauthorized",
                                "Log in: HTTP Basic with a hub user, or a bearer token when JWT is configured");
                    }
                }))
                .formLogin(form -> form.loginPage("/console/login").defaultSuccessUrl("/console", false).permitAll())
                .logout(logout -> logout.logoutUrl("/console/logout").logoutSuccessUrl("/console/login?logout"))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) -> {
                    if (request.getRequestURI().startsWith("/console")) {
                        consolePage.handle(request, response, e);
                    } else {
                        problem(json, response, 403, "Forbidden",
                                "Your role does not allow this: reading needs VIEWER; replay, edit, discard and resolve need OPERATOR");
                    }
                }))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED));
        if (jwtDecoder.getIfAvailable() != null) {
            http.oauth2ResourceServer(oauth -> oauth.jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFrom(properties.getRolesClaim()))));
        }
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder(HubSecurityProperties properties) {
        PasswordEncoder hashes = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        java.time.Duration remember = properties.getRememberVerifiedPassword();
        if (remember == null || remember.isZero() || remember.isNegative()) {
            return hashes;
        }
        return new RememberingPasswordEncoder(hashes, remember, 1_000, com.github.benmanes.caffeine.cache.Ticker.systemTicker());
    }

    @Bean
    UserDetailsService hubUsers(HubSecurityProperties properties) {
        // a user without a password hash (e.g. production with HUB_OPERATOR_PASSWORD_HASH unset) cannot log in at all
        List<UserDetails> users = properties.getUsers().stream()
                .filter(u -> u.getUsername() != null && !u.getUsername().isBlank())
                .filter(u -> u.getPasswordHash() != null && !u.getPasswordHash().isBlank())
                .map(u -> User.withUsername(u.getUsername())
                        .password(u.getPasswordHash())
                        .roles(u.getRoles().toArray(String[]::new))
                        .build())
                .toList();
        return new InMemoryUserDetailsManager(users);
    }

    static Converter<Jwt, AbstractAuthenticationToken> rolesFrom(String claim) {
        return jwt -> {
            Collection<GrantedAuthority> authorities = jwt.getClaimAsStringList(claim) == null ? List.of()
                    : jwt.getClaimAsStringList(claim).stream()
                    .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.toUpperCase()))
                    .toList();
            String name = jwt.getClaimAsString("preferred_username") != null ? jwt.getClaimAsString("preferred_username") : jwt.getSubject();
            return new JwtAuthenticationToken(jwt, authorities, name);
        };
    }

    private static void problem(ObjectMapper json, HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        json.writeValue(response.getOutputStream(), java.util.Map.of("status", status, "title", title, "detail", detail));
    }
}
