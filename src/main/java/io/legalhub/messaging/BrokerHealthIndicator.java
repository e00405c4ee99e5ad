package io.legalhub.messaging;

import jakarta.jms.Connection;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisProperties;
import org.springframework.stereotype.Component;

/**
 * Readiness of an external broker ("broker" in the readiness group of the production profile). The hub's own
 * connections reconnect for ever, so asking them would hang while the broker is away; this probe opens a
 * connection of its own that does not retry and gives up within seconds, so a load balancer hears "DOWN" at once.
 */
@Component("broker")
@ConditionalOnProperty(prefix = "spring.artemis", name = "mode", havingValue = "native")
public class BrokerHealthIndicator extends AbstractHealthIndicator {

    private static final long PROBE_TIMEOUT_MS = 3_000;
    private final ArtemisProperties artemis;

    public BrokerHealthIndicator(ArtemisProperties artemis) {
        super("Broker health check failed");
        this.artemis = artemis;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        try (ActiveMQConnectionFactory probe = new ActiveMQConnectionFactory(artemis.getBrokerUrl())) {
            probe.setReconnectAttempts(0);
            probe.setInitialConnectAttempts(1);
            probe.setCallTimeout(PROBE_TIMEOUT_MS);
            probe.setCallFailoverTimeout(PROBE_TIMEOUT_MS);
            probe.setConnectionTTL(PROBE_TIMEOUT_MS * 2);
            try (Connection connection = probe.createConnection(artemis.getUser(), artemis.getPassword())) {
                connection.start();
                builder.up().withDetail("provider", connection.getMetaData().getJMSProviderName());
            }
        }
    }
}
