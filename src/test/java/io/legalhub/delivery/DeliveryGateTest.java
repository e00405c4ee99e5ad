package io.legalhub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Optional;

import io.legalhub.canonical.ContentHash;
import io.legalhub.deadletter.ReplayOutcome;
import io.legalhub.journal.Journal;
import io.legalhub.messaging.Envelope;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** The gate's three answers, and the re-sync's way past "unchanged" that never gets past "superseded". */
class DeliveryGateTest {

    private static final String PAYLOAD = "{\"number\":\"2026-0012\",\"name\":\"Acme v. Globex\"}";

    private final DeliveryStateStore states = mock(DeliveryStateStore.class);
    private final DeliveryGate gate = new DeliveryGate(states, mock(Journal.class), mock(ReplayOutcome.class));

    private String decide(long version, long lastVersion, boolean forced) {
        when(states.find(any(), any(), any())).thenReturn(Optional.of(
                new DeliveryStateStore.DeliveryState(lastVersion, ContentHash.ofJson(PAYLOAD), "BM-1")));
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(Envelope.TARGET, "billing");
        exchange.getIn().setHeader(Envelope.ENTITY, "matter");
        exchange.getIn().setHeader(Envelope.KEY, "2026-0012");
        exchange.getIn().setHeader(Envelope.SOURCE_VERSION, version);
        if (forced) {
            exchange.getIn().setHeader(Envelope.FORCE, true);
        }
        exchange.getIn().setBody(PAYLOAD);
        gate.admit(exchange);
        return exchange.getProperty(Envelope.DECISION, String.class);
    }

    @Test
    void thePayloadTheTargetAlreadyHasIsNotSentAgain() {
        assertThat(decide(3, 3, false)).isEqualTo(DeliveryGate.UNCHANGED);
    }

    @Test
    void aForcedResyncIsSentThoughThePayloadIsUnchanged() {
        assertThat(decide(3, 3, true)).isEqualTo(DeliveryGate.DELIVER);
    }

    @Test
    void aForcedResyncOfAnOlderVersionIsStillSuperseded() {
        assertThat(decide(2, 3, true)).isEqualTo(DeliveryGate.SUPERSEDED);
    }
}
