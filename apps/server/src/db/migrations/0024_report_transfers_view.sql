-- The reports module's read model of its transfers, in the shape the table had (statistics read it).
CREATE VIEW "report_transfers" AS
SELECT a."id", a."subject_id" AS "report_id", a."origin_id" AS "disposal_id", a."category"::"transfer_kind" AS "kind",
  a."from_unit_id", a."to_unit_id", a."state"::text::"transfer_state" AS "state", a."note",
  coalesce((a."detail"->>'includeContact')::boolean, false) AS "include_contact",
  a."reply_text", a."return_reason", a."urge_count", a."signed_by", a."signed_at", a."replied_by", a."replied_at",
  a."created_by", a."created_at", a."updated_at"
FROM "assignments" a
WHERE a."kind" = 'report.transfer';
