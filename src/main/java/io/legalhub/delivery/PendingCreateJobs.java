package io.legalhub.delivery;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Asynchronous creates still running, so a later attempt follows the same job rather than creating again. */
@Component
public class PendingCreateJobs {

    private final JdbcClient jdbc;

    public PendingCreateJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> find(String system, String entity, String key) {
        return jdbc.sql("select job_id from pending_create_job where system_name = :s and entity_type = :e and hub_key = :k")
                .param("s", system).param("e", entity).param("k", key).query(String.class).optional();
    }

    public void remember(String system, String entity, String key, String jobId) {
        forget(system, entity, key);
        jdbc.sql("insert into pending_create_job (system_name, entity_type, hub_key, job_id, started_at) values (:s, :e, :k, :j, :t)")
                .param("s", system).param("e", entity).param("k", key).param("j", jobId)
                .param("t", OffsetDateTime.now(ZoneOffset.UTC)).update();
    }

    public void forget(String system, String entity, String key) {
        jdbc.sql("delete from pending_create_job where system_name = :s and entity_type = :e and hub_key = :k")
                .param("s", system).param("e", entity).param("k", key).update();
    }
}
