CREATE TYPE "public"."family_phase_key" AS ENUM('referral', 'preparation', 'information_sharing', 'private_family_time', 'plan_agreement', 'implementation', 'review');--> statement-breakpoint
CREATE TYPE "public"."family_phase_status" AS ENUM('not_started', 'in_progress', 'done');--> statement-breakpoint
CREATE TABLE "family_phase" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"phase" "family_phase_key" NOT NULL,
	"position" integer NOT NULL,
	"status" "family_phase_status" DEFAULT 'not_started' NOT NULL,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"notes" text,
	"updated_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "family_phase_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"phase_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"template_key" text,
	"text" text,
	"done" boolean DEFAULT false NOT NULL,
	"done_by_user_id" uuid,
	"done_at" timestamp with time zone,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "family_phase" ADD CONSTRAINT "family_phase_conference_id_conference_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conference"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_phase" ADD CONSTRAINT "family_phase_updated_by_user_id_app_user_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_phase_item" ADD CONSTRAINT "family_phase_item_phase_id_family_phase_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."family_phase"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_phase_item" ADD CONSTRAINT "family_phase_item_done_by_user_id_app_user_id_fk" FOREIGN KEY ("done_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_phase_item" ADD CONSTRAINT "family_phase_item_created_by_user_id_app_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "family_phase_conference_phase_uq" ON "family_phase" USING btree ("conference_id","phase");--> statement-breakpoint
CREATE INDEX "family_phase_item_phase_idx" ON "family_phase_item" USING btree ("phase_id","position");