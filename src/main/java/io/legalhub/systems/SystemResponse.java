package io.legalhub.systems;

import java.net.http.HttpHeaders;

/** A successful (2xx) answer from a connected system. */
public record SystemResponse(int status, String body, HttpHeaders headers) {
}
