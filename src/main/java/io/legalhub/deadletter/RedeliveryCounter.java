package io.legalhub.deadletter;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * Remembers how often Camel has redelivered an exchange. Camel drops its redelivery headers before the
 * failure processor runs, yet a dead letter must say how many attempts were made; every retrying clause of
 * the error handling names this bean as its {@code onRedeliveryRef}.
 */
@Component("redeliveryCounter")
public class RedeliveryCounter implements Processor {

    /** Exchange property: redeliveries so far (the first attempt not counted). */
    public static final String REDELIVERIES = "hubRedeliveries";

    @Override
    public void process(Exchange exchange) {
        Integer counter = exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class);
        if (counter != null) {
            exchange.setProperty(REDELIVERIES, counter);
        }
    }
}
