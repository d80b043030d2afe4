-- The event log is the record of truth: rows are never changed or removed.
CREATE OR REPLACE FUNCTION events_reject_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'events is append-only (% rejected)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION events_reject_change();
--> statement-breakpoint
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION events_reject_change();
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
