CREATE TYPE "public"."fetch_status" AS ENUM('never', 'ok', 'not_modified', 'error');--> statement-breakpoint
CREATE TYPE "public"."patrol_hit_status" AS ENUM('pending', 'confirmed', 'dismissed');--> statement-breakpoint
CREATE TYPE "public"."patrol_item_status" AS ENUM('clean', 'pending', 'confirmed', 'dismissed');--> statement-breakpoint
CREATE TYPE "public"."rule_kind" AS ENUM('term', 'regex', 'domain');--> statement-breakpoint
CREATE TYPE "public"."patrol_source_kind" AS ENUM('api', 'feed', 'import', 'manual');--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"scopes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "lexicon_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "rule_kind" NOT NULL,
	"pattern" text NOT NULL,
	"category" text NOT NULL,
	"severity" integer DEFAULT 3 NOT NULL,
	"allow_contexts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"pinyin" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"note" text,
	"hits" integer DEFAULT 0 NOT NULL,
	"confirmed" integer DEFAULT 0 NOT NULL,
	"dismissed" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lexicon_rules_severity_ck" CHECK ("lexicon_rules"."severity" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "lexicon_versions" (
	"version" integer PRIMARY KEY NOT NULL,
	"actor_id" uuid,
	"summary" jsonb NOT NULL,
	"rule_count" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patrol_hits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"rule_id" uuid NOT NULL,
	"start" integer NOT NULL,
	"end" integer NOT NULL,
	"matched" text NOT NULL,
	"category" text NOT NULL,
	"normalizations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" "patrol_hit_status" DEFAULT 'pending' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patrol_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"url" text,
	"author" text,
	"published_at" timestamp with time zone,
	"fetched_at" timestamp with time zone NOT NULL,
	"title" text,
	"text" text NOT NULL,
	"sha256" text NOT NULL,
	"lexicon_version" integer NOT NULL,
	"hit_count" integer DEFAULT 0 NOT NULL,
	"status" "patrol_item_status" NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patrol_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "patrol_source_kind" NOT NULL,
	"name" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"entity_ref" text,
	"url" text,
	"interval_minutes" integer DEFAULT 60 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"etag" text,
	"last_modified" text,
	"last_fetch_at" timestamp with time zone,
	"last_status" "fetch_status" DEFAULT 'never' NOT NULL,
	"last_error" text,
	"last_item_count" integer DEFAULT 0 NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"next_fetch_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "term_corrections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"wrong" text NOT NULL,
	"right" text NOT NULL,
	"note" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lexicon_versions" ADD CONSTRAINT "lexicon_versions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_hits" ADD CONSTRAINT "patrol_hits_item_id_patrol_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."patrol_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_hits" ADD CONSTRAINT "patrol_hits_rule_id_lexicon_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."lexicon_rules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_items" ADD CONSTRAINT "patrol_items_source_id_patrol_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."patrol_sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_items" ADD CONSTRAINT "patrol_items_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_items" ADD CONSTRAINT "patrol_items_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_sources" ADD CONSTRAINT "patrol_sources_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_hash_uq" ON "api_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "lexicon_rules_kind_pattern_uq" ON "lexicon_rules" USING btree ("kind","pattern");--> statement-breakpoint
CREATE INDEX "patrol_hits_item_idx" ON "patrol_hits" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "patrol_hits_rule_idx" ON "patrol_hits" USING btree ("rule_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "patrol_items_source_ext_uq" ON "patrol_items" USING btree ("source_id","external_id");--> statement-breakpoint
CREATE INDEX "patrol_items_queue_idx" ON "patrol_items" USING btree ("status","unit_id","fetched_at");--> statement-breakpoint
CREATE INDEX "patrol_sources_due_idx" ON "patrol_sources" USING btree ("kind","active","next_fetch_at");--> statement-breakpoint
CREATE UNIQUE INDEX "term_corrections_wrong_uq" ON "term_corrections" USING btree ("wrong");