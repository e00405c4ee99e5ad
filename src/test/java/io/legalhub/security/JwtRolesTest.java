package io.legalhub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** In JWT mode the token's roles claim decides what the bearer may do, and its name is who acted. */
class JwtRolesTest {

    @Test
    void theRolesClaimBecomesTheHubsRolesAndThePreferredUsernameTheActor() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("a1b2c3")
                .claim("preferred_username", "j.doe").claim("roles", List.of("viewer", "operator"))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();

        AbstractAuthenticationToken auth = SecurityConfiguration.rolesFrom("roles").convert(jwt);

        assertThat(auth.getName()).isEqualTo("j.doe");
        assertThat(auth.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactlyInAnyOrder("ROLE_VIEWER", "ROLE_OPERATOR");
    }

    @Test
    void aTokenWithoutRolesGrantsNothing() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("svc-reporting")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();

        AbstractAuthenticationToken auth = SecurityConfiguration.rolesFrom("roles").convert(jwt);

        assertThat(auth.getName()).isEqualTo("svc-reporting");
        assertThat(auth.getAuthorities()).isEmpty();
    }
}
