CREATE TYPE "public"."rectification_follow_up_kind" AS ENUM('progress', 'rectified', 'not_rectified');--> statement-breakpoint
CREATE TABLE "rectification_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rectification_id" uuid NOT NULL,
	"kind" "rectification_follow_up_kind" NOT NULL,
	"note" text NOT NULL,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rectifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_type" text NOT NULL,
	"source_id" uuid NOT NULL,
	"entity_id" uuid,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"requirement" text NOT NULL,
	"ordinal" smallint DEFAULT 0 NOT NULL,
	"state" "rectification_state" DEFAULT 'open' NOT NULL,
	"due_at" timestamp with time zone,
	"deadline_status" "deadline_status",
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rectifications_source_type_ck" CHECK ("rectifications"."source_type" ~ '^[a-z][a-z_]*$'),
	CONSTRAINT "rectifications_closed_ck" CHECK (("rectifications"."state" = 'open') = ("rectifications"."closed_at" is null))
);
--> statement-breakpoint
ALTER TABLE "rectification_follow_ups" ADD CONSTRAINT "rectification_follow_ups_rectification_id_rectifications_id_fk" FOREIGN KEY ("rectification_id") REFERENCES "public"."rectifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_follow_ups" ADD CONSTRAINT "rectification_follow_ups_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_entity_id_registry_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."registry_entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rectification_follow_ups_item_idx" ON "rectification_follow_ups" USING btree ("rectification_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "rectification_follow_ups_closing_uq" ON "rectification_follow_ups" USING btree ("rectification_id") WHERE "rectification_follow_ups"."kind" <> 'progress';--> statement-breakpoint
CREATE INDEX "rectifications_source_idx" ON "rectifications" USING btree ("source_type","source_id");--> statement-breakpoint
CREATE INDEX "rectifications_entity_idx" ON "rectifications" USING btree ("entity_id","state");--> statement-breakpoint
CREATE INDEX "rectifications_path_idx" ON "rectifications" USING btree ("jurisdiction_path" text_pattern_ops,"state");