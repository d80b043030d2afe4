-- Transfers become assignments of kind 'report.transfer', keeping their ids: their events and clocks
-- (subject type 'transfer') and notifications refer to them by id and stay as they are.
INSERT INTO "assignments" ("id", "kind", "subject_type", "subject_id", "origin_id", "category", "jurisdiction_id", "jurisdiction_path",
  "from_unit_id", "to_unit_id", "state", "note", "detail", "reply_text", "return_reason", "urge_count", "signed_by", "signed_at",
  "replied_by", "replied_at", "returned_at", "created_by", "created_at", "updated_at")
SELECT t."id", 'report.transfer', 'report', t."report_id", t."disposal_id", t."kind"::text, r."jurisdiction_id", r."jurisdiction_path",
  t."from_unit_id", t."to_unit_id", t."state"::text::"assignment_state", t."note", jsonb_build_object('includeContact', t."include_contact"),
  t."reply_text", t."return_reason", t."urge_count", t."signed_by", t."signed_at", t."replied_by", t."replied_at",
  CASE WHEN t."state" = 'returned' THEN t."updated_at" END, t."created_by", t."created_at", t."updated_at"
FROM "report_transfers" t JOIN "reports" r ON r."id" = t."report_id";
