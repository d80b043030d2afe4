-- Facts rows computed before the entity_grade column (0009) have it null, and so contributed no
-- grade figures: mark their reports dirty once, here, and the next rollup refresh (at start, or the
-- stats.refresh job) re-reads them. New facts rows always carry a grade.
INSERT INTO "stats_dirty" ("report_id")
SELECT "report_id" FROM "stats_report_facts" WHERE "entity_grade" IS NULL
ON CONFLICT DO NOTHING;
