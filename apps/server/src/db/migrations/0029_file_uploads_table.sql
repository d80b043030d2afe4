-- The upload rows belong to the files module (report evidence and registry attachments alike): renamed
-- in place, with their indexes and constraints, so no row, index or foreign key is rebuilt.
ALTER TABLE "report_evidence" RENAME TO "file_uploads";--> statement-breakpoint
ALTER TABLE "file_uploads" RENAME CONSTRAINT "report_evidence_pkey" TO "file_uploads_pkey";--> statement-breakpoint
ALTER TABLE "file_uploads" RENAME CONSTRAINT "report_evidence_kind_ck" TO "file_uploads_kind_ck";--> statement-breakpoint
ALTER TABLE "file_uploads" RENAME CONSTRAINT "report_evidence_report_id_reports_id_fk" TO "file_uploads_report_id_reports_id_fk";--> statement-breakpoint
ALTER TABLE "registry_inspections" RENAME CONSTRAINT "registry_inspections_file_id_report_evidence_id_fk" TO "registry_inspections_file_id_file_uploads_id_fk";--> statement-breakpoint
ALTER TABLE "registry_interviews" RENAME CONSTRAINT "registry_interviews_record_file_id_report_evidence_id_fk" TO "registry_interviews_record_file_id_file_uploads_id_fk";--> statement-breakpoint
ALTER TABLE "registry_pledges" RENAME CONSTRAINT "registry_pledges_file_id_report_evidence_id_fk" TO "registry_pledges_file_id_file_uploads_id_fk";--> statement-breakpoint
ALTER INDEX "report_evidence_token_uq" RENAME TO "file_uploads_token_uq";--> statement-breakpoint
ALTER INDEX "report_evidence_report_idx" RENAME TO "file_uploads_report_idx";--> statement-breakpoint
ALTER INDEX "report_evidence_unclaimed_public_idx" RENAME TO "file_uploads_unclaimed_public_idx";
