-- PostgreSQL only (a NOTIFY trigger for the live desk); SQLite instances poll
-- the audit trail instead (lib/db/audit-wakeup.ts). Kept so both engines have
-- the same migrations.
SELECT 1;
