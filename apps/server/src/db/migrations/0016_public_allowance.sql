CREATE TABLE "public_allowance" (
	"source_hash" text NOT NULL,
	"kind" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"used" bigint NOT NULL,
	CONSTRAINT "public_allowance_source_hash_kind_pk" PRIMARY KEY("source_hash","kind"),
	CONSTRAINT "public_allowance_kind_ck" CHECK ("public_allowance"."kind" in ('submissions', 'upload_bytes'))
);
--> statement-breakpoint
ALTER TABLE "report_evidence" ADD COLUMN "source_hash" text;--> statement-breakpoint
CREATE INDEX "public_allowance_window_idx" ON "public_allowance" USING btree ("window_start");--> statement-breakpoint
CREATE INDEX "report_evidence_unclaimed_public_idx" ON "report_evidence" USING btree ("created_at") WHERE "report_evidence"."report_id" is null and "report_evidence"."attached_to" is null and "report_evidence"."source_hash" is not null;