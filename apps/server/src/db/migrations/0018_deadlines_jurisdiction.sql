-- A report's clocks count working days on the calendar of the report's jurisdiction (its local
-- adjustments included); clocks started before this column existed get their report's jurisdiction.
UPDATE "deadlines" AS d SET "jurisdiction_id" = r."jurisdiction_id"
FROM "reports" AS r
WHERE d."subject_type" = 'report' AND d."subject_id" = r."id"::text AND d."jurisdiction_id" IS NULL;
