CREATE TABLE "audit_checkpoints" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"high_water" bigint NOT NULL,
	"event_count" bigint NOT NULL,
	"chain_count" bigint NOT NULL,
	"heads_digest" text NOT NULL,
	"prev_signature" text,
	"created_at" timestamp with time zone NOT NULL,
	"signature" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "hash_version" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_checkpoints_high_water_uq" ON "audit_checkpoints" USING btree ("high_water");--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_hash_version_ck" CHECK ("events"."hash_version" in (1, 2));