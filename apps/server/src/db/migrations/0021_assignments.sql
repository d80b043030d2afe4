CREATE TYPE "public"."assignment_state" AS ENUM('sent', 'signed', 'replied', 'returned');--> statement-breakpoint
ALTER TYPE "public"."unit_kind" ADD VALUE 'superior_office';--> statement-breakpoint
CREATE TABLE "assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"origin_id" uuid,
	"category" text,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"from_unit_id" uuid NOT NULL,
	"to_unit_id" uuid NOT NULL,
	"state" "assignment_state" DEFAULT 'sent' NOT NULL,
	"note" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"reply_text" text,
	"return_reason" text,
	"urge_count" integer DEFAULT 0 NOT NULL,
	"escalated_at" timestamp with time zone,
	"signed_by" uuid,
	"signed_at" timestamp with time zone,
	"replied_by" uuid,
	"replied_at" timestamp with time zone,
	"reply_recorded_by" uuid,
	"reply_channel" text,
	"returned_by" uuid,
	"returned_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assignments_reply_channel_ck" CHECK ("assignments"."reply_channel" is null or "assignments"."reply_channel" in ('document', 'phone', 'email')),
	CONSTRAINT "assignments_recorded_ck" CHECK (("assignments"."reply_recorded_by" is null) = ("assignments"."reply_channel" is null))
);
--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_from_unit_id_units_id_fk" FOREIGN KEY ("from_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_to_unit_id_units_id_fk" FOREIGN KEY ("to_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_replied_by_users_id_fk" FOREIGN KEY ("replied_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_reply_recorded_by_users_id_fk" FOREIGN KEY ("reply_recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_returned_by_users_id_fk" FOREIGN KEY ("returned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assignments_subject_idx" ON "assignments" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "assignments_to_idx" ON "assignments" USING btree ("to_unit_id","kind","state");--> statement-breakpoint
CREATE INDEX "assignments_jurisdiction_idx" ON "assignments" USING btree ("jurisdiction_path" text_pattern_ops,"kind");