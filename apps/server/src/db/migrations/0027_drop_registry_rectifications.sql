DROP TABLE "registry_rectifications" CASCADE;--> statement-breakpoint
DROP TYPE "public"."rectification_source";