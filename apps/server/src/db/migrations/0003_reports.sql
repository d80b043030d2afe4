CREATE TYPE "public"."disposal_kind" AS ENUM('order_platform', 'account_action', 'referral', 'no_violation', 'out_of_jurisdiction');--> statement-breakpoint
CREATE TYPE "public"."order_answer" AS ENUM('done', 'partial', 'refused');--> statement-breakpoint
CREATE TYPE "public"."order_state" AS ENUM('issued', 'answered', 'rechecked', 'escalated');--> statement-breakpoint
CREATE TYPE "public"."recheck_result" AS ENUM('removed', 'still_present');--> statement-breakpoint
CREATE TYPE "public"."reject_reason" AS ENUM('not_harmful_info', 'insufficient_info', 'duplicate', 'not_internet', 'personal_dispute', 'malicious', 'other');--> statement-breakpoint
CREATE TYPE "public"."report_channel" AS ENUM('web', 'mobile', 'embed', 'api', 'trusted', 'phone', 'mail', 'letter', 'visit', 'patrol');--> statement-breakpoint
CREATE TYPE "public"."report_outcome" AS ENUM('handled', 'referred', 'no_violation', 'out_of_jurisdiction', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."report_state" AS ENUM('submitted', 'accepted', 'rejected', 'merged', 'assessing', 'disposing', 'transferred', 'disposed', 'answered', 'closed');--> statement-breakpoint
CREATE TYPE "public"."transfer_kind" AS ENUM('police', 'market', 'culture', 'health', 'education', 'other');--> statement-breakpoint
CREATE TYPE "public"."transfer_state" AS ENUM('sent', 'signed', 'replied', 'returned');--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to_enc" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"subject_type" text,
	"subject_id" text,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "platform_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_no" text NOT NULL,
	"report_id" uuid NOT NULL,
	"disposal_id" uuid,
	"platform_unit_id" uuid NOT NULL,
	"issued_by_unit_id" uuid NOT NULL,
	"measure" text NOT NULL,
	"urls" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"requirement" text NOT NULL,
	"legal_basis" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"state" "order_state" DEFAULT 'issued' NOT NULL,
	"answer" "order_answer",
	"answer_note" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	"answered_late" boolean,
	"recheck" "recheck_result",
	"recheck_note" text,
	"rechecked_by" uuid,
	"rechecked_at" timestamp with time zone,
	"escalated" boolean DEFAULT false NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reply_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"outcome" "report_outcome" NOT NULL,
	"name" text NOT NULL,
	"body" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action" text NOT NULL,
	"actor_id" uuid NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"applied" integer NOT NULL,
	"skipped" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_disposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"kind" "disposal_kind" NOT NULL,
	"measure" text,
	"legal_basis" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reasons" text NOT NULL,
	"entity_ref" text,
	"target_name" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid,
	"upload_token_hash" text NOT NULL,
	"mime" text NOT NULL,
	"kind" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"original_sha256" text NOT NULL,
	"filename" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_evidence_kind_ck" CHECK ("report_evidence"."kind" in ('image', 'pdf', 'video'))
);
--> statement-breakpoint
CREATE TABLE "report_sla" (
	"category_code" text PRIMARY KEY NOT NULL,
	"accept" integer NOT NULL,
	"dispose" integer NOT NULL,
	"reply" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"disposal_id" uuid,
	"kind" "transfer_kind" NOT NULL,
	"from_unit_id" uuid NOT NULL,
	"to_unit_id" uuid NOT NULL,
	"state" "transfer_state" DEFAULT 'sent' NOT NULL,
	"note" text NOT NULL,
	"include_contact" boolean DEFAULT false NOT NULL,
	"reply_text" text,
	"return_reason" text,
	"urge_count" integer DEFAULT 0 NOT NULL,
	"signed_by" uuid,
	"signed_at" timestamp with time zone,
	"replied_by" uuid,
	"replied_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tracking_no" text NOT NULL,
	"query_code_hash" text NOT NULL,
	"channel" "report_channel" NOT NULL,
	"state" "report_state" DEFAULT 'submitted' NOT NULL,
	"category_code" text NOT NULL,
	"zone_code" text,
	"urls" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"canonical_url" text,
	"canonical_urls" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"platform_name" text,
	"platform_unit_id" uuid,
	"account_name" text,
	"entity_ref" text,
	"description" text NOT NULL,
	"severity" integer,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"assignee_id" uuid,
	"priority" integer DEFAULT 0 NOT NULL,
	"reporter_user_id" uuid,
	"contact_enc" text,
	"contact_masked" text,
	"contact_shareable" boolean DEFAULT false NOT NULL,
	"source_hash" text,
	"external_id" text,
	"api_key_id" uuid,
	"merged_into_id" uuid,
	"cluster_reason" text,
	"cluster_size" integer DEFAULT 1 NOT NULL,
	"lsh" integer[],
	"reject_reason" "reject_reason",
	"outcome" "report_outcome",
	"public_reply" text,
	"review_requested_at" timestamp with time zone,
	"review_reason" text,
	"review_open" boolean DEFAULT false NOT NULL,
	"due_at" timestamp with time zone,
	"deadline_status" "deadline_status",
	"submitted_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"disposed_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reports_severity_ck" CHECK ("reports"."severity" is null or "reports"."severity" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "saved_views" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"filter" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "deadlines_subject_kind_uq";--> statement-breakpoint
ALTER TABLE "platform_orders" ADD CONSTRAINT "platform_orders_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_orders" ADD CONSTRAINT "platform_orders_disposal_id_report_disposals_id_fk" FOREIGN KEY ("disposal_id") REFERENCES "public"."report_disposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_orders" ADD CONSTRAINT "platform_orders_platform_unit_id_units_id_fk" FOREIGN KEY ("platform_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_orders" ADD CONSTRAINT "platform_orders_issued_by_unit_id_units_id_fk" FOREIGN KEY ("issued_by_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_orders" ADD CONSTRAINT "platform_orders_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_orders" ADD CONSTRAINT "platform_orders_rechecked_by_users_id_fk" FOREIGN KEY ("rechecked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_orders" ADD CONSTRAINT "platform_orders_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_batches" ADD CONSTRAINT "report_batches_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_disposals" ADD CONSTRAINT "report_disposals_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_disposals" ADD CONSTRAINT "report_disposals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_evidence" ADD CONSTRAINT "report_evidence_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_transfers" ADD CONSTRAINT "report_transfers_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_transfers" ADD CONSTRAINT "report_transfers_disposal_id_report_disposals_id_fk" FOREIGN KEY ("disposal_id") REFERENCES "public"."report_disposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_transfers" ADD CONSTRAINT "report_transfers_from_unit_id_units_id_fk" FOREIGN KEY ("from_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_transfers" ADD CONSTRAINT "report_transfers_to_unit_id_units_id_fk" FOREIGN KEY ("to_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_transfers" ADD CONSTRAINT "report_transfers_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_transfers" ADD CONSTRAINT "report_transfers_replied_by_users_id_fk" FOREIGN KEY ("replied_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_transfers" ADD CONSTRAINT "report_transfers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_platform_unit_id_units_id_fk" FOREIGN KEY ("platform_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_reporter_user_id_users_id_fk" FOREIGN KEY ("reporter_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_merged_into_id_reports_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mail_outbox_status_idx" ON "mail_outbox" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "platform_orders_no_uq" ON "platform_orders" USING btree ("order_no");--> statement-breakpoint
CREATE INDEX "platform_orders_report_idx" ON "platform_orders" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "platform_orders_platform_idx" ON "platform_orders" USING btree ("platform_unit_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "reply_templates_name_uq" ON "reply_templates" USING btree ("name");--> statement-breakpoint
CREATE INDEX "report_disposals_report_idx" ON "report_disposals" USING btree ("report_id");--> statement-breakpoint
CREATE UNIQUE INDEX "report_evidence_token_uq" ON "report_evidence" USING btree ("upload_token_hash");--> statement-breakpoint
CREATE INDEX "report_evidence_report_idx" ON "report_evidence" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "report_transfers_report_idx" ON "report_transfers" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "report_transfers_to_idx" ON "report_transfers" USING btree ("to_unit_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_tracking_uq" ON "reports" USING btree ("tracking_no");--> statement-breakpoint
CREATE INDEX "reports_order_idx" ON "reports" USING btree ("priority" DESC NULLS FIRST,"submitted_at" DESC NULLS FIRST,"state","jurisdiction_path" text_pattern_ops,"category_code" text_pattern_ops,"zone_code","channel","platform_name","reporter_user_id","assignee_id","deadline_status");--> statement-breakpoint
CREATE INDEX "reports_open_queue_idx" ON "reports" USING btree ("priority" DESC NULLS FIRST,"submitted_at" DESC NULLS FIRST,"state","jurisdiction_path" text_pattern_ops,"category_code" text_pattern_ops,"zone_code","channel","platform_name","reporter_user_id","assignee_id","deadline_status") WHERE "reports"."state" in ('submitted', 'accepted', 'assessing', 'disposing', 'transferred', 'disposed');--> statement-breakpoint
CREATE INDEX "reports_overdue_idx" ON "reports" USING btree ("priority" DESC NULLS FIRST,"submitted_at" DESC NULLS FIRST,"state","jurisdiction_path" text_pattern_ops,"category_code" text_pattern_ops,"zone_code","channel","platform_name","reporter_user_id","assignee_id") WHERE "reports"."deadline_status" = 'overdue';--> statement-breakpoint
CREATE INDEX "reports_mine_idx" ON "reports" USING btree ("assignee_id","priority" DESC NULLS FIRST,"submitted_at" DESC NULLS FIRST,"state","jurisdiction_path" text_pattern_ops,"category_code" text_pattern_ops,"zone_code","channel","platform_name","reporter_user_id","deadline_status") WHERE "reports"."assignee_id" is not null and "reports"."state" not in ('closed', 'merged', 'rejected');--> statement-breakpoint
CREATE INDEX "reports_zone_idx" ON "reports" USING btree ("zone_code","priority" DESC NULLS FIRST,"submitted_at" DESC NULLS FIRST,"state","jurisdiction_path" text_pattern_ops,"category_code" text_pattern_ops,"channel","platform_name","reporter_user_id","assignee_id","deadline_status") WHERE "reports"."zone_code" is not null;--> statement-breakpoint
CREATE INDEX "reports_channel_idx" ON "reports" USING btree ("channel","priority" DESC NULLS FIRST,"submitted_at" DESC NULLS FIRST,"state","jurisdiction_path" text_pattern_ops,"category_code" text_pattern_ops,"zone_code","platform_name","reporter_user_id","assignee_id","deadline_status") WHERE "reports"."channel" not in ('web', 'mobile');--> statement-breakpoint
CREATE INDEX "reports_queue_idx" ON "reports" USING btree ("state","priority" DESC NULLS FIRST,"submitted_at" DESC NULLS FIRST,"jurisdiction_path" text_pattern_ops) WHERE "reports"."state" not in ('submitted', 'accepted', 'assessing', 'disposing', 'transferred', 'disposed');--> statement-breakpoint
CREATE INDEX "reports_path_idx" ON "reports" USING btree ("jurisdiction_path" text_pattern_ops,"state","submitted_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "reports_category_idx" ON "reports" USING btree ("category_code" text_pattern_ops,"jurisdiction_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "reports_assignee_idx" ON "reports" USING btree ("assignee_id","state") WHERE "reports"."assignee_id" is not null;--> statement-breakpoint
CREATE INDEX "reports_platform_idx" ON "reports" USING btree ("platform_name","account_name","jurisdiction_path" text_pattern_ops) WHERE "reports"."platform_name" is not null;--> statement-breakpoint
CREATE INDEX "reports_url_idx" ON "reports" USING btree ("canonical_url") WHERE "reports"."canonical_url" is not null;--> statement-breakpoint
CREATE INDEX "reports_merged_idx" ON "reports" USING btree ("merged_into_id") WHERE "reports"."merged_into_id" is not null;--> statement-breakpoint
CREATE INDEX "reports_reporter_idx" ON "reports" USING btree ("reporter_user_id","jurisdiction_path" text_pattern_ops) WHERE "reports"."reporter_user_id" is not null;--> statement-breakpoint
CREATE INDEX "reports_lsh_idx" ON "reports" USING gin ("lsh") WITH (fastupdate=false) WHERE "reports"."state" in ('submitted', 'accepted', 'assessing', 'disposing', 'transferred', 'disposed');--> statement-breakpoint
CREATE UNIQUE INDEX "reports_external_uq" ON "reports" USING btree ("api_key_id","external_id") WHERE "reports"."api_key_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "reports_patrol_item_uq" ON "reports" USING btree ("external_id") WHERE "reports"."api_key_id" is null and "reports"."external_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "saved_views_user_name_uq" ON "saved_views" USING btree ("user_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "deadlines_subject_kind_uq" ON "deadlines" USING btree ("subject_type","subject_id","kind") WHERE "deadlines"."state" in ('running', 'paused');