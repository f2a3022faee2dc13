CREATE TYPE "public"."attendance" AS ENUM('required', 'optional');--> statement-breakpoint
CREATE TYPE "public"."busy_source" AS ENUM('manual', 'ics');--> statement-breakpoint
CREATE TYPE "public"."ics_method" AS ENUM('REQUEST', 'CANCEL');--> statement-breakpoint
CREATE TYPE "public"."outbox_status" AS ENUM('pending', 'sending', 'sent', 'failed');--> statement-breakpoint
CREATE TYPE "public"."outbox_transport" AS ENUM('smtp', 'local');--> statement-breakpoint
CREATE TYPE "public"."participant_kind" AS ENUM('user', 'contact', 'external');--> statement-breakpoint
CREATE TYPE "public"."participant_role" AS ENUM('chair', 'minute_taker', 'family', 'professional', 'interpreter');--> statement-breakpoint
CREATE TYPE "public"."partstat" AS ENUM('needs_action', 'accepted', 'declined', 'tentative');--> statement-breakpoint
ALTER TYPE "public"."conference_status" ADD VALUE 'draft';--> statement-breakpoint
CREATE TABLE "busy_block" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"source" "busy_source" DEFAULT 'manual' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox_message" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid,
	"participant_id" uuid,
	"recipient_address" text NOT NULL,
	"recipient_language" text NOT NULL,
	"subject" text NOT NULL,
	"text_body" text NOT NULL,
	"ics" text,
	"ics_method" "ics_method",
	"status" "outbox_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone,
	"last_error" text,
	"transport" "outbox_transport",
	"sent_at" timestamp with time zone,
	"message_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "working_hours" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"time_zone" text NOT NULL,
	"hours" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "conference_participant" DROP CONSTRAINT "conference_participant_conference_id_user_id_pk";--> statement-breakpoint
ALTER TABLE "conference" ALTER COLUMN "starts_at" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "conference" ALTER COLUMN "ends_at" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "conference_participant" ALTER COLUMN "user_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "conference_participant" ALTER COLUMN "agency_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "conference" ADD COLUMN "duration_minutes" integer DEFAULT 60 NOT NULL;--> statement-breakpoint
ALTER TABLE "conference" ADD COLUMN "schedule_by" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "conference" ADD COLUMN "ical_uid" text DEFAULT gen_random_uuid()::text || '@caremap' NOT NULL;--> statement-breakpoint
ALTER TABLE "conference" ADD COLUMN "sequence" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "conference" ADD COLUMN "room_id" uuid;--> statement-breakpoint
ALTER TABLE "conference" ADD COLUMN "candidate_room_ids" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "conference" ADD COLUMN "online" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "conference" ADD COLUMN "location_note" text;--> statement-breakpoint
ALTER TABLE "conference" ADD COLUMN "quorum" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "conference" ADD COLUMN "interpreter_required" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "conference_participant" ADD COLUMN "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "conference_participant" ADD COLUMN "kind" "participant_kind" DEFAULT 'user' NOT NULL;--> statement-breakpoint
ALTER TABLE "conference_participant" ADD COLUMN "position" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "conference_participant" ADD COLUMN "partner_institution_id" uuid;--> statement-breakpoint
ALTER TABLE "conference_participant" ADD COLUMN "organization_id" uuid;--> statement-breakpoint
ALTER TABLE "conference_participant" ADD COLUMN "display_name" text;--> statement-breakpoint
ALTER TABLE "conference_participant" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "conference_participant" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "conference_participant" ADD COLUMN "attendance" "attendance" DEFAULT 'required' NOT NULL;--> statement-breakpoint
ALTER TABLE "conference_participant" ADD COLUMN "role" "participant_role" DEFAULT 'professional' NOT NULL;--> statement-breakpoint
ALTER TABLE "conference_participant" ADD COLUMN "preferred_language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "conference_participant" ADD COLUMN "partstat" "partstat" DEFAULT 'needs_action' NOT NULL;--> statement-breakpoint
ALTER TABLE "conference_participant" ADD COLUMN "responded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "conference_participant" ADD COLUMN "response_token_hash" text;--> statement-breakpoint
ALTER TABLE "conference_participant" ADD COLUMN "response_token_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "busy_block" ADD CONSTRAINT "busy_block_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_message" ADD CONSTRAINT "outbox_message_conference_id_conference_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conference"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_message" ADD CONSTRAINT "outbox_message_participant_id_conference_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."conference_participant"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "working_hours" ADD CONSTRAINT "working_hours_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "busy_block_user_idx" ON "busy_block" USING btree ("user_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_message_message_id_uq" ON "outbox_message" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "outbox_message_due_idx" ON "outbox_message" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "outbox_message_conference_idx" ON "outbox_message" USING btree ("conference_id");--> statement-breakpoint
ALTER TABLE "conference" ADD CONSTRAINT "conference_room_id_room_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."room"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_participant" ADD CONSTRAINT "conference_participant_partner_institution_id_partner_institution_id_fk" FOREIGN KEY ("partner_institution_id") REFERENCES "public"."partner_institution"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_participant" ADD CONSTRAINT "conference_participant_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "conference_ical_uid_uq" ON "conference" USING btree ("ical_uid");--> statement-breakpoint
CREATE UNIQUE INDEX "conference_participant_user_uq" ON "conference_participant" USING btree ("conference_id","user_id") WHERE user_id is not null;--> statement-breakpoint
CREATE INDEX "conference_participant_conference_idx" ON "conference_participant" USING btree ("conference_id");--> statement-breakpoint
CREATE UNIQUE INDEX "conference_participant_token_uq" ON "conference_participant" USING btree ("response_token_hash");