-- The statistics rollup follows the event log: every statement that appends events about reports
-- marks those reports dirty, in the same transaction, so the refresh job (modules/stats) never
-- misses a change whatever order concurrent transactions commit in. One statement-level trigger
-- with a transition table: the intake's one-statement insert of a report's first events costs one
-- extra insert, not one per row. A subject id that is not a uuid is no report row: skipped, never
-- an error (the trigger must not be able to refuse an event).
CREATE OR REPLACE FUNCTION stats_mark_dirty() RETURNS trigger AS $$
BEGIN
  INSERT INTO stats_dirty (report_id)
  SELECT DISTINCT n.subject_id::uuid FROM new_events n
  WHERE n.subject_type = 'report' AND n.subject_id ~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER events_stats_dirty AFTER INSERT ON events
  REFERENCING NEW TABLE AS new_events
  FOR EACH STATEMENT EXECUTE FUNCTION stats_mark_dirty();
--> statement-breakpoint
-- Builtin leader roles created before the statistics module may approve the transparency page
-- (new installations receive it from the seed); reports that existed before are read into the rollup
-- by its first refresh (the server rebuilds an empty rollup at start).
INSERT INTO "role_permissions" ("role_id", "permission")
SELECT r."id", 'stats.publish' FROM "roles" r WHERE r."builtin" AND r."code" = 'leader'
ON CONFLICT DO NOTHING;
