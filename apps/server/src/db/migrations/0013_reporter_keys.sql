ALTER TABLE "reports" ADD COLUMN "contact_key" text;--> statement-breakpoint
CREATE INDEX "reports_contact_key_idx" ON "reports" USING btree ("contact_key","submitted_at") WHERE "reports"."contact_key" is not null;--> statement-breakpoint
CREATE INDEX "reports_source_idx" ON "reports" USING btree ("source_hash","submitted_at") WHERE "reports"."source_hash" is not null;