CREATE TYPE "public"."history_entity" AS ENUM('organization', 'service', 'location', 'partner_institution');--> statement-breakpoint
CREATE TABLE "record_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity" "history_entity" NOT NULL,
	"entity_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"action" text NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"previous" jsonb,
	"next" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "location" ADD COLUMN "last_verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "location" ADD COLUMN "verified_by" uuid;--> statement-breakpoint
ALTER TABLE "organization" ADD COLUMN "last_verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "organization" ADD COLUMN "verified_by" uuid;--> statement-breakpoint
ALTER TABLE "service" ADD COLUMN "last_verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "service" ADD COLUMN "verified_by" uuid;--> statement-breakpoint
ALTER TABLE "partner_institution" ADD COLUMN "contact_person" text;--> statement-breakpoint
ALTER TABLE "partner_institution" ADD COLUMN "cooperation_agreement" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "partner_institution" ADD COLUMN "agreement_date" date;--> statement-breakpoint
ALTER TABLE "partner_institution" ADD COLUMN "notes" text;--> statement-breakpoint
ALTER TABLE "partner_institution" ADD COLUMN "last_verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "partner_institution" ADD COLUMN "verified_by" uuid;--> statement-breakpoint
ALTER TABLE "record_history" ADD CONSTRAINT "record_history_changed_by_app_user_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "record_history_entity_idx" ON "record_history" USING btree ("entity","entity_id","version");