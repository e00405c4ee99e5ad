package io.legalhub.jobs;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

@Component
public class JobStore {

    private final JdbcClient jdbc;

    public JobStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long start(String kind, String actor, String parameters, int total) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into operator_job (kind, status, actor, parameters, total, started_at) values (:k, 'running', :a, :p, :t, :now)")
                .param("k", kind).param("a", actor).param("p", parameters).param("t", total).param("now", now())
                .update(key, "id");
        return key.getKey().longValue();
    }

    public void progress(long id, int done, int succeeded, int failed) {
        jdbc.sql("update operator_job set done = :d, succeeded = :s, failed = :f where id = :id")
                .param("d", done).param("s", succeeded).param("f", failed).param("id", id).update();
    }

    public void finish(long id, String status, String message) {
        jdbc.sql("update operator_job set status = :st, message = :m, finished_at = :now where id = :id")
                .param("st", status).param("m", message).param("now", now()).param("id", id).update();
    }

    /** Jobs that were running when the hub stopped will not finish by themselves. */
    public int markInterrupted() {
        return jdbc.sql("update operator_job set status = 'interrupted', message = 'the hub stopped while this job ran; start it again', finished_at = :now where status = 'running'")
                .param("now", now()).update();
    }

    public Optional<OperatorJob> find(long id) {
        return jdbc.sql("select * from operator_job where id = :id").param("id", id).query((rs, n) -> new OperatorJob(
                rs.getLong("id"), rs.getString("kind"), rs.getString("status"), rs.getString("actor"), rs.getString("parameters"),
                rs.getInt("total"), rs.getInt("done"), rs.getInt("succeeded"), rs.getInt("failed"), rs.getString("message"),
                rs.getObject("started_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class))).optional();
    }

    public List<OperatorJob> recent(int limit) {
        return jdbc.sql("select * from operator_job order by id desc limit :l").param("l", limit).query((rs, n) -> new OperatorJob(
                rs.getLong("id"), rs.getString("kind"), rs.getString("status"), rs.getString("actor"), rs.getString("parameters"),
                rs.getInt("total"), rs.getInt("done"), rs.getInt("succeeded"), rs.getInt("failed"), rs.getString("message"),
                rs.getObject("started_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class))).list();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
