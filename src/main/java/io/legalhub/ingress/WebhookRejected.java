package io.legalhub.ingress;

/** A webhook the hub refuses, with the HTTP status and the reason the sender is told. */
public class WebhookRejected extends RuntimeException {

    private final int status;

    public WebhookRejected(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
