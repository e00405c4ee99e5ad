package io.legalhub.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.legalhub.systems.HubSystemsProperties;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * How many messages wait on each hub queue and how old the oldest is, found by browsing the queues with
 * plain JMS. That works the same on the embedded broker and on an external Artemis, and needs no broker
 * management rights. The queues are the ones the configured flows use ({@code hub.flows.*}), so a queue
 * that has never been used shows as empty rather than missing. Browsing sees messages that are waiting;
 * a message a consumer is working on (e.g. being retried in place) is not counted.
 */
@Service
public class QueueBacklog {

    /** Counting stops here: beyond it the exact number does not change what an operator does. */
    public static final int COUNT_CAP = 10_000;

    private static final Logger log = LoggerFactory.getLogger(QueueBacklog.class);

    private final ConnectionFactory connections;
    private final HubSystemsProperties properties;

    public QueueBacklog(ConnectionFactory connections, HubSystemsProperties properties) {
        this.connections = connections;
        this.properties = properties;
    }

    /** One queue's backlog. {@code oldestEnqueuedAt} is null when the queue is empty or could not be read. */
    public record QueueDepth(String queue, String flow, String system, int waiting, boolean capped, Instant oldestEnqueuedAt,
                             String problem) {

        public Duration oldestAge(Instant now) {
            if (oldestEnqueuedAt == null) {
                return null;
            }
            Duration age = Duration.between(oldestEnqueuedAt, now);
            return age.isNegative() ? Duration.ZERO : age;
        }

        public boolean inbound() {
            return queue.startsWith("hub.in.");
        }
    }

    /** The hub queues of every configured flow: hub.in.&lt;entity&gt; then hub.out.&lt;target&gt;.&lt;entity&gt;. */
    public List<QueueDepth> depths() {
        List<QueueName> names = configuredQueues();
        List<QueueDepth> result = new ArrayList<>(names.size());
        try (Connection connection = connections.createConnection()) {
            connection.start();
            try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
                for (QueueName name : names) {
                    result.add(browse(session, name));
                }
            }
        } catch (JMSException | RuntimeException e) {
            log.warn("Could not browse the hub queues: {}", e.toString());
            String problem = "the broker could not be reached: " + e.getMessage();
            for (QueueName name : names.subList(result.size(), names.size())) {
                result.add(new QueueDepth(name.queue(), name.flow(), name.system(), 0, false, null, problem));
            }
        }
        return result;
    }

    private QueueDepth browse(Session session, QueueName name) {
        try (QueueBrowser browser = session.createBrowser(session.createQueue(name.queue()))) {
            Enumeration<?> messages = browser.getEnumeration();
            int count = 0;
            Instant oldest = null;
            while (messages.hasMoreElements() && count < COUNT_CAP) {
                Message message = (Message) messages.nextElement();
                if (count == 0 && message.getJMSTimestamp() > 0) {
                    oldest = Instant.ofEpochMilli(message.getJMSTimestamp());
                }
                count++;
            }
            boolean capped = count == COUNT_CAP && messages.hasMoreElements();
            return new QueueDepth(name.queue(), name.flow(), name.system(), count, capped, oldest, null);
        } catch (JMSException e) {
            log.debug("Queue {} could not be browsed: {}", name.queue(), e.toString());
            return new QueueDepth(name.queue(), name.flow(), name.system(), 0, false, null, "could not be read: " + e.getMessage());
        }
    }

    private record QueueName(String queue, String flow, String system) {
    }

    private List<QueueName> configuredQueues() {
        Set<QueueName> names = new LinkedHashSet<>();
        for (Map.Entry<String, HubSystemsProperties.Flow> flow : properties.getFlows().entrySet()) {
            String entity = flow.getKey();
            names.add(new QueueName(Queues.inbound(entity), entity, flow.getValue().getSource()));
            for (String target : flow.getValue().getTargets()) {
                names.add(new QueueName(Queues.outbound(target, entity), entity, target));
            }
        }
        return List.copyOf(names);
    }
}
