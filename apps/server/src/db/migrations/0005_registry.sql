CREATE TYPE "public"."entity_grade" AS ENUM('key', 'general', 'watch');--> statement-breakpoint
CREATE TYPE "public"."entity_status" AS ENUM('active', 'closed');--> statement-breakpoint
CREATE TYPE "public"."entity_type" AS ENUM('website', 'app', 'mini_program', 'weibo', 'wechat_official', 'toutiao', 'douyin', 'kuaishou', 'live_room', 'forum_group', 'led_screen', 'other');--> statement-breakpoint
CREATE TYPE "public"."rectification_source" AS ENUM('inspection', 'interview');--> statement-breakpoint
CREATE TYPE "public"."rectification_state" AS ENUM('open', 'rectified', 'not_rectified');--> statement-breakpoint
CREATE TYPE "public"."registry_import_state" AS ENUM('parsing', 'previewed', 'committing', 'committed', 'failed');--> statement-breakpoint
CREATE TYPE "public"."registry_task_state" AS ENUM('open', 'done', 'cancelled');--> statement-breakpoint
CREATE TABLE "registry_draws" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"seed" text NOT NULL,
	"algorithm" text NOT NULL,
	"filter" jsonb NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"entity_pool" jsonb NOT NULL,
	"officer_pool" jsonb NOT NULL,
	"pool_digest" text NOT NULL,
	"entity_ids" jsonb NOT NULL,
	"officer_ids" jsonb NOT NULL,
	"params" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_entities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"name_norm" text NOT NULL,
	"type" "entity_type" NOT NULL,
	"url" text,
	"canonical_url" text,
	"icp_no" text,
	"app_id" text,
	"account_id" text,
	"platform_name" text,
	"operator_name" text,
	"contact_enc" text,
	"contact_masked" text,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"grade" "entity_grade" DEFAULT 'general' NOT NULL,
	"grade_reason" text,
	"grade_history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"officer_id" uuid,
	"filings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" "entity_status" DEFAULT 'active' NOT NULL,
	"location" text,
	"note" text,
	"search_text" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"actor_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"filename" text,
	"sha256" text NOT NULL,
	"state" "registry_import_state" DEFAULT 'parsing' NOT NULL,
	"totals" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"file_problems" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"row_problems" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sample" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"plan" jsonb,
	"result" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"committed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "registry_inspections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity_id" uuid NOT NULL,
	"inspected_on" date NOT NULL,
	"officer_ids" jsonb NOT NULL,
	"findings" text NOT NULL,
	"task_id" uuid,
	"file_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_interviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"grounds" text NOT NULL,
	"persons" jsonb NOT NULL,
	"officer_ids" jsonb NOT NULL,
	"record_file_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_pledges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity_id" uuid NOT NULL,
	"signed_on" date NOT NULL,
	"signer" text,
	"note" text,
	"file_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_rectifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity_id" uuid NOT NULL,
	"source" "rectification_source" NOT NULL,
	"source_id" uuid NOT NULL,
	"description" text NOT NULL,
	"state" "rectification_state" DEFAULT 'open' NOT NULL,
	"due_at" timestamp with time zone,
	"deadline_status" "deadline_status",
	"follow_up" text,
	"followed_up_by" uuid,
	"followed_up_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"draw_id" uuid,
	"entity_id" uuid NOT NULL,
	"officer_ids" jsonb NOT NULL,
	"state" "registry_task_state" DEFAULT 'open' NOT NULL,
	"due_at" timestamp with time zone,
	"deadline_status" "deadline_status",
	"inspection_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "report_evidence" ADD COLUMN "attached_to" text;--> statement-breakpoint
ALTER TABLE "registry_draws" ADD CONSTRAINT "registry_draws_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_entities" ADD CONSTRAINT "registry_entities_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_entities" ADD CONSTRAINT "registry_entities_officer_id_users_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_entities" ADD CONSTRAINT "registry_entities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_imports" ADD CONSTRAINT "registry_imports_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_inspections" ADD CONSTRAINT "registry_inspections_entity_id_registry_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."registry_entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_inspections" ADD CONSTRAINT "registry_inspections_file_id_report_evidence_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."report_evidence"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_inspections" ADD CONSTRAINT "registry_inspections_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_interviews" ADD CONSTRAINT "registry_interviews_entity_id_registry_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."registry_entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_interviews" ADD CONSTRAINT "registry_interviews_record_file_id_report_evidence_id_fk" FOREIGN KEY ("record_file_id") REFERENCES "public"."report_evidence"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_interviews" ADD CONSTRAINT "registry_interviews_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_pledges" ADD CONSTRAINT "registry_pledges_entity_id_registry_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."registry_entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_pledges" ADD CONSTRAINT "registry_pledges_file_id_report_evidence_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."report_evidence"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_pledges" ADD CONSTRAINT "registry_pledges_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_rectifications" ADD CONSTRAINT "registry_rectifications_entity_id_registry_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."registry_entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_rectifications" ADD CONSTRAINT "registry_rectifications_followed_up_by_users_id_fk" FOREIGN KEY ("followed_up_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_tasks" ADD CONSTRAINT "registry_tasks_draw_id_registry_draws_id_fk" FOREIGN KEY ("draw_id") REFERENCES "public"."registry_draws"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_tasks" ADD CONSTRAINT "registry_tasks_entity_id_registry_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."registry_entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registry_draws_path_idx" ON "registry_draws" USING btree ("jurisdiction_path" text_pattern_ops,"created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "registry_entities_icp_uq" ON "registry_entities" USING btree ("icp_no") WHERE "registry_entities"."icp_no" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "registry_entities_account_uq" ON "registry_entities" USING btree ("type","account_id") WHERE "registry_entities"."account_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "registry_entities_app_uq" ON "registry_entities" USING btree ("app_id") WHERE "registry_entities"."app_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "registry_entities_url_uq" ON "registry_entities" USING btree ("canonical_url") WHERE "registry_entities"."canonical_url" is not null;--> statement-breakpoint
CREATE INDEX "registry_entities_path_idx" ON "registry_entities" USING btree ("jurisdiction_path" text_pattern_ops,"updated_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "registry_entities_grade_idx" ON "registry_entities" USING btree ("grade","jurisdiction_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "registry_entities_search_idx" ON "registry_entities" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "registry_entities_name_idx" ON "registry_entities" USING gin ("name_norm" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "registry_imports_actor_idx" ON "registry_imports" USING btree ("actor_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "registry_inspections_entity_idx" ON "registry_inspections" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "registry_interviews_entity_idx" ON "registry_interviews" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "registry_pledges_entity_idx" ON "registry_pledges" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "registry_rectifications_entity_idx" ON "registry_rectifications" USING btree ("entity_id","state");--> statement-breakpoint
CREATE INDEX "registry_rectifications_source_idx" ON "registry_rectifications" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "registry_tasks_entity_idx" ON "registry_tasks" USING btree ("entity_id","state");--> statement-breakpoint
CREATE INDEX "registry_tasks_draw_idx" ON "registry_tasks" USING btree ("draw_id");--> statement-breakpoint
CREATE INDEX "reports_entity_idx" ON "reports" USING btree ("entity_ref") WHERE "reports"."entity_ref" is not null;