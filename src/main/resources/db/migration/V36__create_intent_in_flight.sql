-- Whether the attempt that wrote the intent may still be waiting for the system's answer. Two attempts at the same
-- record can overlap when the broker hands a record's message to a second consumer (after a reconnect), so an
-- attempt that finds another's intent in flight, and younger than the lease, waits for its outcome instead of
-- looking the record up while the other's create is still on its way (which would create it twice).
alter table create_intent add column in_flight boolean default true not null;
