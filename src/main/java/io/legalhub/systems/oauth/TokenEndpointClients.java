package io.legalhub.systems.oauth;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

import io.legalhub.systems.HubSystemsProperties;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.ClientCredentialsOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.RefreshTokenOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The calls to the systems' token endpoints: Spring Security's own grant clients, over an HTTP client with the
 * hub's outbound timeouts (a hanging token endpoint must not hold a consumer longer than a hanging API would).
 */
@Component
public class TokenEndpointClients {

    private final RestClient rest;

    public TokenEndpointClients(HubSystemsProperties properties) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(properties.getHttp().getConnectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(properties.getHttp().getRequestTimeout());
        this.rest = RestClient.builder()
                .requestFactory(requests)
                .messageConverters(converters -> {
                    converters.clear();
                    converters.add(new FormHttpMessageConverter());
                    converters.add(new OAuth2AccessTokenResponseHttpMessageConverter());
                })
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build();
    }

    OAuth2AuthorizedClientProvider providerFor(ClientRegistration registration, Duration skew, Clock clock) {
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(registration.getAuthorizationGrantType())) {
            RestClientClientCredentialsTokenResponseClient client = new RestClientClientCredentialsTokenResponseClient();
            client.setRestClient(rest);
            ClientCredentialsOAuth2AuthorizedClientProvider provider = new ClientCredentialsOAuth2AuthorizedClientProvider();
            provider.setAccessTokenResponseClient(client);
            provider.setClockSkew(skew);
            provider.setClock(clock);
            return provider;
        }
        RestClientRefreshTokenTokenResponseClient client = new RestClientRefreshTokenTokenResponseClient();
        client.setRestClient(rest);
        RefreshTokenOAuth2AuthorizedClientProvider provider = new RefreshTokenOAuth2AuthorizedClientProvider();
        provider.setAccessTokenResponseClient(client);
        provider.setClockSkew(skew);
        provider.setClock(clock);
        return provider;
    }
}
