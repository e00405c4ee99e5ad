package io.legalhub.messaging;

import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Broker-side redelivery for the embedded broker: used only when a consumer's transaction rolls back
 * (the hub could not record the outcome, e.g. the database is away). Backing off keeps such a message
 * from spinning; the generous attempt limit outlasts a database restart before Artemis gives up and
 * moves the message to its dead-letter address.
 */
@Configuration(proxyBeanMethods = false)
public class BrokerConfiguration {

    public static final String BROKER_DEAD_LETTER_ADDRESS = "hub.broker.dlq";

    @Bean
    ArtemisConfigurationCustomizer hubAddressSettings() {
        return configuration -> configuration.addAddressSetting("hub.#", new AddressSettings()
                .setRedeliveryDelay(1000)
                .setRedeliveryMultiplier(2)
                .setMaxRedeliveryDelay(30000)
                .setMaxDeliveryAttempts(50)
                .setDeadLetterAddress(org.apache.activemq.artemis.api.core.SimpleString.of(BROKER_DEAD_LETTER_ADDRESS))
                .setAutoCreateDeadLetterResources(false)
                .setAutoCreateQueues(true)
                .setAutoCreateAddresses(true));
    }
}
