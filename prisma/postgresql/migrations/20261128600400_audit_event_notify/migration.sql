-- Live desk: every committed audit event wakes the desk's event streams on
-- every app instance (lib/db/audit-wakeup.ts LISTENs on this channel).
CREATE OR REPLACE FUNCTION "newsdesk_notify_audit_event"() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('newsdesk_audit', NEW."id"::text);
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditEvent_notify" AFTER INSERT ON "AuditEvent"
FOR EACH ROW EXECUTE FUNCTION "newsdesk_notify_audit_event"();
