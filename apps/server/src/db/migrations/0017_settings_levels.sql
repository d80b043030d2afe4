DROP INDEX "reply_templates_name_uq";--> statement-breakpoint
-- primary key names completed by hand, as drizzle-kit asks (PostgreSQL's default <table>_pkey)
ALTER TABLE "calendar_days" DROP CONSTRAINT "calendar_days_pkey";--> statement-breakpoint
ALTER TABLE "report_sla" DROP CONSTRAINT "report_sla_pkey";--> statement-breakpoint
ALTER TABLE "calendar_days" ADD COLUMN "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "calendar_days" ADD COLUMN "jurisdiction_id" uuid;--> statement-breakpoint
ALTER TABLE "deadlines" ADD COLUMN "jurisdiction_id" uuid;--> statement-breakpoint
ALTER TABLE "reply_templates" ADD COLUMN "jurisdiction_id" uuid;--> statement-breakpoint
ALTER TABLE "report_sla" ADD COLUMN "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "report_sla" ADD COLUMN "jurisdiction_id" uuid;--> statement-breakpoint
ALTER TABLE "calendar_days" ADD CONSTRAINT "calendar_days_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadlines" ADD CONSTRAINT "deadlines_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reply_templates" ADD CONSTRAINT "reply_templates_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_sla" ADD CONSTRAINT "report_sla_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_days" ADD CONSTRAINT "calendar_days_level_date_uq" UNIQUE NULLS NOT DISTINCT("jurisdiction_id","date");--> statement-breakpoint
ALTER TABLE "reply_templates" ADD CONSTRAINT "reply_templates_level_name_uq" UNIQUE NULLS NOT DISTINCT("jurisdiction_id","name");--> statement-breakpoint
ALTER TABLE "report_sla" ADD CONSTRAINT "report_sla_level_category_uq" UNIQUE NULLS NOT DISTINCT("jurisdiction_id","category_code");