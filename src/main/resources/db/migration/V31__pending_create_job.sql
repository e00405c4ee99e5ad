-- An asynchronous create (e.g. a Relativity workspace job) still running when a delivery attempt ended: the next
-- attempt follows the same job instead of creating the record a second time.
create table pending_create_job (
    system_name  varchar(100) not null,
    entity_type  varchar(100) not null,
    hub_key      varchar(300) not null,
    job_id       varchar(300) not null,
    started_at   timestamp with time zone not null,
    primary key (system_name, entity_type, hub_key)
);
