package io.legalhub.messaging;

/**
 * Queue naming, in one place. Records enter on hub.in.&lt;entity&gt; and leave on one queue per target,
 * hub.out.&lt;target&gt;.&lt;entity&gt;, so that one slow or absent target never holds up another.
 */
public final class Queues {

    private Queues() {
    }

    public static String inbound(String entity) {
        return "hub.in." + entity;
    }

    public static String outbound(String target, String entity) {
        return "hub.out." + target + "." + entity;
    }

    public static String jms(String queue) {
        return "jms:queue:" + queue;
    }
}
