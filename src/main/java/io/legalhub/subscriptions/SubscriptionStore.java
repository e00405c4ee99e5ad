package io.legalhub.subscriptions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The hub's webhook subscriptions, shared by every instance through the database. */
@Component
public class SubscriptionStore {

    private static final int MAX_ERROR = 1000;
    private static final String COLUMNS = "id, system_name, model, ref, vendor_id, secret, status, events, fields, url, expires_at, "
            + "created_at, renewed_at, handshake_at, last_delivery_at, last_checked_at, deliveries, last_error";

    private final JdbcClient jdbc;

    public SubscriptionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    long insertCreating(String system, String model, String ref, String events, String fields, String url) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into webhook_subscription (system_name, model, ref, status, events, fields, url, created_at) "
                        + "values (:s, :m, :r, 'creating', :e, :f, :u, :now)")
                .param("s", system).param("m", model).param("r", ref).param("e", events).param("f", fields).param("u", url)
                .param("now", now())
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** The system's answer to the create: its id and secret; active at once if the handshake already confirmed it. */
    void created(long id, String vendorId, String secret, boolean activeAtSystem, OffsetDateTime expiresAt) {
        jdbc.sql("update webhook_subscription set vendor_id = :v, secret = coalesce(:secret, secret), expires_at = :x, "
                        + "status = case when :active or handshake_at is not null then 'active' else 'pending' end where id = :id")
                .param("v", vendorId).param("secret", secret).param("x", expiresAt).param("active", activeAtSystem).param("id", id)
                .update();
    }

    /**
     * The system's handshake reached the hub: keep its secret if the create's answer has not given one yet, and
     * confirm a pending subscription (the echo enables it). False when no creating or pending subscription has the ref.
     */
    public boolean handshake(String ref, String secret) {
        return jdbc.sql("update webhook_subscription set secret = coalesce(secret, :secret), handshake_at = :now, "
                        + "status = case when status = 'pending' then 'active' else status end "
                        + "where ref = :ref and status in ('creating', 'pending', 'active')")
                .param("secret", secret).param("now", now()).param("ref", ref).update() > 0;
    }

    void status(long id, SubscriptionStatus status, String error) {
        jdbc.sql("update webhook_subscription set status = :st, last_error = :err, last_checked_at = :now where id = :id")
                .param("st", status.id()).param("err", truncate(error)).param("now", now()).param("id", id).update();
    }

    void renewed(long id, OffsetDateTime expiresAt) {
        jdbc.sql("update webhook_subscription set expires_at = :x, renewed_at = :now, last_checked_at = :now, last_error = null where id = :id")
                .param("x", expiresAt).param("now", now()).param("id", id).update();
    }

    WebhookSubscription withExpiry(WebhookSubscription s, OffsetDateTime expiresAt) {
        jdbc.sql("update webhook_subscription set expires_at = :x where id = :id").param("x", expiresAt).param("id", s.id()).update();
        return byRef(s.ref()).orElse(s);
    }

    void checked(long id, String error) {
        jdbc.sql("update webhook_subscription set last_checked_at = :now, last_error = :err where id = :id")
                .param("now", now()).param("err", truncate(error)).param("id", id).update();
    }

    /** A webhook arrived through the subscription. */
    public void delivered(String ref) {
        jdbc.sql("update webhook_subscription set last_delivery_at = :now, deliveries = deliveries + 1 where ref = :ref")
                .param("now", now()).param("ref", ref).update();
    }

    public Optional<WebhookSubscription> byRef(String ref) {
        return jdbc.sql("select " + COLUMNS + " from webhook_subscription where ref = :ref").param("ref", ref)
                .query(SubscriptionStore::row).optional();
    }

    /** The subscriptions of one system and model, newest first. */
    public List<WebhookSubscription> of(String system, String model) {
        return jdbc.sql("select " + COLUMNS + " from webhook_subscription where system_name = :s and model = :m order by id desc")
                .param("s", system).param("m", model).query(SubscriptionStore::row).list();
    }

    public List<WebhookSubscription> all() {
        return jdbc.sql("select " + COLUMNS + " from webhook_subscription order by id desc").query(SubscriptionStore::row).list();
    }

    private static WebhookSubscription row(ResultSet rs, int n) throws SQLException {
        return new WebhookSubscription(rs.getLong("id"), rs.getString("system_name"), rs.getString("model"), rs.getString("ref"),
                rs.getString("vendor_id"), rs.getString("secret"), SubscriptionStatus.of(rs.getString("status")), rs.getString("events"),
                rs.getString("fields"), rs.getString("url"), time(rs, "expires_at"), time(rs, "created_at"), time(rs, "renewed_at"),
                time(rs, "handshake_at"), time(rs, "last_delivery_at"), time(rs, "last_checked_at"), rs.getLong("deliveries"),
                rs.getString("last_error"));
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static String truncate(String s) {
        return s == null || s.length() <= MAX_ERROR ? s : s.substring(0, MAX_ERROR);
    }
}
