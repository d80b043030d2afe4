-- The registry's rectification items move to the shared rectifications table with their ids: their clocks
-- (deadlines.subject_id) and event chains (events.subject_id, subject registry_rectification) refer to
-- them by id and are left as they are. Scope: the entity's jurisdiction. The recorded follow-up becomes
-- the item's closing follow-up row.
INSERT INTO "rectifications" ("id", "source_type", "source_id", "entity_id", "jurisdiction_id", "jurisdiction_path", "requirement", "ordinal", "state",
  "due_at", "deadline_status", "closed_at", "closed_by", "created_by", "created_at")
SELECT r."id", 'registry_' || r."source"::text, r."source_id", r."entity_id", e."jurisdiction_id", e."jurisdiction_path", r."description",
  (row_number() OVER (PARTITION BY r."source_id" ORDER BY r."created_at") - 1)::smallint, r."state",
  r."due_at", r."deadline_status",
  CASE WHEN r."state" <> 'open' THEN coalesce(r."followed_up_at", r."created_at") END,
  CASE WHEN r."state" <> 'open' THEN r."followed_up_by" END,
  NULL, r."created_at"
FROM "registry_rectifications" r JOIN "registry_entities" e ON e."id" = r."entity_id";
--> statement-breakpoint
INSERT INTO "rectification_follow_ups" ("rectification_id", "kind", "note", "actor_id", "created_at")
SELECT r."id", r."state"::text::"rectification_follow_up_kind", coalesce(r."follow_up", ''), r."followed_up_by", coalesce(r."followed_up_at", r."created_at")
FROM "registry_rectifications" r WHERE r."state" <> 'open';
