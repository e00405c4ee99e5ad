package io.legalhub.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import jakarta.jms.Connection;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;

/**
 * Issue 5: a message the external broker gives up on (moved to its dead-letter address, DLQ) is drained into the
 * hub's dead-letter store, at the stage and target of the queue it came from, so operators see it and can replay it.
 */
class BrokerDeadLetterIT extends FaultTest {

    @Test
    void aMessageTheBrokerGaveUpOnBecomesAHubDeadLetterNamingItsQueue() throws Exception {
        hub("hub-1").start().awaitReady(Duration.ofMinutes(2));
        // a queue no route reads, so the message waits there until the broker is told to give up on it
        String queue = "hub.out.archive.matter";
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(ExternalParts.ARTEMIS_URL);
             Connection connection = factory.createConnection(ExternalParts.ARTEMIS_USER, ExternalParts.ARTEMIS_PASSWORD);
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
             MessageProducer producer = session.createProducer(session.createQueue(queue))) {
            TextMessage message = session.createTextMessage("{\"key\":\"DLQ-0001\",\"name\":\"Given up by the broker\"}");
            message.setStringProperty("hubEntity", "matter");
            message.setStringProperty("hubKey", "DLQ-0001");
            message.setStringProperty("hubMessageId", "broker-dlq-it-1");
            producer.send(message);
        }
        ExternalParts.sendToDeadLetterAddress(queue);

        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters("record_key = 'DLQ-0001'") == 1);
        try (var c = ExternalParts.database(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select stage, target, status, error_message from dead_letter where record_key = 'DLQ-0001'")) {
            rs.next();
            report.put("dead letter", rs.getString(1) + " / " + rs.getString(2) + " / " + rs.getString(3));
            assertThat(rs.getString(1)).isEqualTo("deliver");
            assertThat(rs.getString(2)).isEqualTo("archive");
            assertThat(rs.getString(3)).isEqualTo("open");
            assertThat(rs.getString(4)).contains("broker gave up").contains(queue);
        }
        assertThat(ExternalParts.brokerDeadLetters()).as("left on the broker's DLQ").isZero();
    }
}
