-- Quartz's row locks for the clustered scheduler (instanceName legal-hub), made here rather than on first use:
-- two instances starting together on a new database would otherwise both try to create them.
MERGE INTO qrtz_locks (sched_name, lock_name) KEY (sched_name, lock_name)
VALUES ('legal-hub', 'TRIGGER_ACCESS'), ('legal-hub', 'STATE_ACCESS');
