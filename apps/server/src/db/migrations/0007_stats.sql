CREATE TABLE "stats_dirty" (
	"report_id" uuid PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stats_report_facts" (
	"report_id" uuid PRIMARY KEY NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"jurisdiction_level" text NOT NULL,
	"category_code" text NOT NULL,
	"zone_code" text,
	"channel" text NOT NULL,
	"platform_name" text,
	"reporter_user_id" uuid,
	"outcome" text,
	"submitted_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"rejected_at" timestamp with time zone,
	"merged_at" timestamp with time zone,
	"transferred_at" timestamp with time zone,
	"disposed_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"accept_status" text,
	"dispose_status" text,
	"reply_status" text,
	"transfers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"orders" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"disposals" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stats_rollup" (
	"jurisdiction_id" uuid NOT NULL,
	"grain" text NOT NULL,
	"period" date NOT NULL,
	"dim" text NOT NULL,
	"key" text NOT NULL,
	"measure" text NOT NULL,
	"n" bigint NOT NULL,
	CONSTRAINT "stats_rollup_jurisdiction_id_grain_period_dim_key_measure_pk" PRIMARY KEY("jurisdiction_id","grain","period","dim","key","measure"),
	CONSTRAINT "stats_rollup_grain_ck" CHECK ("stats_rollup"."grain" in ('d', 'm'))
);
--> statement-breakpoint
CREATE TABLE "stats_saved_queries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"figure" text NOT NULL,
	"params" jsonb NOT NULL,
	"value" bigint NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stats_state" (
	"id" text PRIMARY KEY NOT NULL,
	"rebuilt_at" timestamp with time zone,
	"refreshed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "stats_transparency_months" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"month" date NOT NULL,
	"version" integer NOT NULL,
	"data" jsonb NOT NULL,
	"correction" text,
	"approved_by" uuid NOT NULL,
	"approved_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "stats_report_facts" ADD CONSTRAINT "stats_report_facts_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stats_saved_queries" ADD CONSTRAINT "stats_saved_queries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stats_transparency_months" ADD CONSTRAINT "stats_transparency_months_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stats_transparency_months" ADD CONSTRAINT "stats_transparency_months_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stats_facts_submitted_idx" ON "stats_report_facts" USING btree ("jurisdiction_path" text_pattern_ops,"submitted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "stats_transparency_month_uq" ON "stats_transparency_months" USING btree ("jurisdiction_id","month","version");