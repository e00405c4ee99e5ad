-- A create the hub is about to send, written (and committed) before the request: while it stands without a
-- cross-reference, the outcome of that request is unknown (a crash, a timeout, an ambiguous answer), so the
-- next attempt looks the record up by its business key before creating it. Without one, a create is one call.
create table create_intent (
    system_name  varchar(100) not null,
    entity_type  varchar(100) not null,
    hub_key      varchar(300) not null,
    started_at   timestamp with time zone not null,
    primary key (system_name, entity_type, hub_key)
);
