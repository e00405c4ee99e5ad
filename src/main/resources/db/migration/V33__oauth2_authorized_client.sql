-- The hub's OAuth 2 grants to the connected systems, in the table Spring Security's JdbcOAuth2AuthorizedClientService
-- reads and writes: one row per system (principal 'legal-hub'). The refresh token is kept here because a vendor may
-- rotate it on every refresh; the one from the environment only seeds the first row.
create table oauth2_authorized_client (
    client_registration_id  varchar(100)  not null,
    principal_name          varchar(200)  not null,
    access_token_type       varchar(100)  not null,
    access_token_value      bytea         not null,
    access_token_issued_at  timestamp     not null,
    access_token_expires_at timestamp     not null,
    access_token_scopes     varchar(1000),
    refresh_token_value     bytea,
    refresh_token_issued_at timestamp,
    created_at              timestamp     default current_timestamp not null,
    primary key (client_registration_id, principal_name)
);
