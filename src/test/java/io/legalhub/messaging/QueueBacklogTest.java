package io.legalhub.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.legalhub.messaging.QueueBacklog.QueueDepth;
import io.legalhub.support.HubIntegrationTest;
import io.legalhub.systems.HubSystemsProperties;
import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

/** Issue 4: the dashboard's backlog, read by browsing each flow's queues on the broker. */
class QueueBacklogTest extends HubIntegrationTest {

    @Autowired
    private ConnectionFactory connections;

    @Test
    void countsWhatWaitsOnEachQueueOfAFlowAndHowOldTheOldestMessageIs() throws Exception {
        // a flow of its own whose queues no route consumes, so what is sent there stays there
        String entity = "probe" + newMatterNumber().toLowerCase();
        HubSystemsProperties properties = new HubSystemsProperties();
        HubSystemsProperties.Flow flow = new HubSystemsProperties.Flow();
        flow.setSource("probe-source");
        flow.setTargets(List.of("probe-target"));
        properties.getFlows().put(entity, flow);
        String in = Queues.inbound(entity);
        String out = Queues.outbound("probe-target", entity);
        Instant before = Instant.now().minusSeconds(1);
        try {
            JmsTemplate jms = new JmsTemplate(connections);
            for (int i = 0; i < 3; i++) {
                jms.convertAndSend(out, "{\"n\":" + i + "}");
            }

            Map<String, QueueDepth> depths = new QueueBacklog(connections, properties).depths().stream()
                    .collect(Collectors.toMap(QueueDepth::queue, Function.identity()));

            assertThat(depths.keySet()).containsExactlyInAnyOrder(in, out);
            assertThat(depths.get(in).waiting()).isZero();
            assertThat(depths.get(in).oldestEnqueuedAt()).isNull();
            assertThat(depths.get(out).waiting()).isEqualTo(3);
            assertThat(depths.get(out).system()).isEqualTo("probe-target");
            assertThat(depths.get(out).oldestEnqueuedAt()).isAfter(before);
            assertThat(depths.get(out).oldestAge(Instant.now())).isLessThan(Duration.ofMinutes(1));
        } finally {
            // the other tests wait for every hub.* queue to be empty
            for (String queue : List.of(in, out)) {
                if (broker.getActiveMQServer().locateQueue(SimpleString.of(queue)) != null) {
                    broker.getActiveMQServer().destroyQueue(SimpleString.of(queue), null, false, true);
                }
            }
        }
    }
}
