package io.legalhub.invoice;

import javax.sql.DataSource;

import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Files already taken from the LEDES drop folder, by message id (file name + hash of the text), in the database
 * so a restart or a second hub instance still recognises them.
 */
@Configuration(proxyBeanMethods = false)
public class LedesDropConfiguration {

    @Bean
    JdbcMessageIdRepository ledesDropFiles(DataSource dataSource) {
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(dataSource, "ledes-drop-files");
        repository.setCreateTableIfNotExists(false);
        return repository;
    }
}
