CREATE TABLE "login_throttles" (
	"kind" text NOT NULL,
	"key_hash" text NOT NULL,
	"failures" integer NOT NULL,
	"last_failure_at" timestamp with time zone NOT NULL,
	"blocked_until" timestamp with time zone NOT NULL,
	"pending" integer DEFAULT 0 NOT NULL,
	"pending_since" timestamp with time zone,
	CONSTRAINT "login_throttles_kind_key_hash_pk" PRIMARY KEY("kind","key_hash"),
	CONSTRAINT "login_throttles_kind_ck" CHECK ("login_throttles"."kind" in ('account', 'address'))
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "must_change_password" boolean DEFAULT true NOT NULL;--> statement-breakpoint
CREATE INDEX "login_throttles_last_failure_idx" ON "login_throttles" USING btree ("last_failure_at");--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "failed_logins";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "locked_until";