package io.legalhub.messaging;

import javax.sql.DataSource;

import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Webhook event ids already accepted, in the database so every hub instance shares them. */
@Configuration(proxyBeanMethods = false)
public class IdempotencyConfiguration {

    @Bean
    JdbcMessageIdRepository webhookEvents(DataSource dataSource) {
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(dataSource, "webhook-events");
        repository.setCreateTableIfNotExists(false);
        return repository;
    }
}
