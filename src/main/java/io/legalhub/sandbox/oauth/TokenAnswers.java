package io.legalhub.sandbox.oauth;

import io.legalhub.sandbox.http.Response;

/** Headers every token-endpoint answer carries. */
final class TokenAnswers {

    private TokenAnswers() {
    }

    /** RFC 6749 §5.1: tokens and their errors must not be cached by the client or anything between. */
    static Response noStore(Response r) {
        return r.header("Cache-Control", "no-store").header("Pragma", "no-cache");
    }
}
