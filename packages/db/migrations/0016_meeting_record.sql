CREATE TYPE "public"."action_item_reminder_kind" AS ENUM('due_soon', 'overdue');--> statement-breakpoint
CREATE TYPE "public"."action_item_status" AS ENUM('open', 'done', 'cancelled');--> statement-breakpoint
CREATE TABLE "action_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"decision_id" uuid,
	"title" text NOT NULL,
	"owner_participant_id" uuid NOT NULL,
	"owner_agency_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"status" "action_item_status" DEFAULT 'open' NOT NULL,
	"completed_at" timestamp with time zone,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "action_item_reminder" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_item_id" uuid NOT NULL,
	"kind" "action_item_reminder_kind" NOT NULL,
	"due_on" date NOT NULL,
	"outbox_message_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agenda_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"template_key" text,
	"title" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conference_decision" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"agenda_item_id" uuid,
	"text" text NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conference_minutes" (
	"conference_id" uuid PRIMARY KEY NOT NULL,
	"text" text NOT NULL,
	"updated_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "conference" ADD COLUMN "follows_conference_id" uuid;--> statement-breakpoint
ALTER TABLE "conference_participant" ADD COLUMN "attended" boolean;--> statement-breakpoint
ALTER TABLE "action_item" ADD CONSTRAINT "action_item_conference_id_conference_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conference"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_item" ADD CONSTRAINT "action_item_decision_id_conference_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."conference_decision"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_item" ADD CONSTRAINT "action_item_owner_participant_id_conference_participant_id_fk" FOREIGN KEY ("owner_participant_id") REFERENCES "public"."conference_participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_item" ADD CONSTRAINT "action_item_owner_agency_id_agency_id_fk" FOREIGN KEY ("owner_agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_item" ADD CONSTRAINT "action_item_created_by_user_id_app_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_item_reminder" ADD CONSTRAINT "action_item_reminder_action_item_id_action_item_id_fk" FOREIGN KEY ("action_item_id") REFERENCES "public"."action_item"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_item_reminder" ADD CONSTRAINT "action_item_reminder_outbox_message_id_outbox_message_id_fk" FOREIGN KEY ("outbox_message_id") REFERENCES "public"."outbox_message"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_conference_id_conference_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conference"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_decision" ADD CONSTRAINT "conference_decision_conference_id_conference_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conference"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_decision" ADD CONSTRAINT "conference_decision_agenda_item_id_agenda_item_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_item"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_decision" ADD CONSTRAINT "conference_decision_created_by_user_id_app_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_minutes" ADD CONSTRAINT "conference_minutes_conference_id_conference_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conference"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_minutes" ADD CONSTRAINT "conference_minutes_updated_by_user_id_app_user_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_item_conference_idx" ON "action_item" USING btree ("conference_id");--> statement-breakpoint
CREATE INDEX "action_item_owner_idx" ON "action_item" USING btree ("owner_participant_id");--> statement-breakpoint
CREATE INDEX "action_item_open_due_idx" ON "action_item" USING btree ("due_on") WHERE status = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "action_item_reminder_uq" ON "action_item_reminder" USING btree ("action_item_id","kind","due_on");--> statement-breakpoint
CREATE INDEX "agenda_item_conference_idx" ON "agenda_item" USING btree ("conference_id","position");--> statement-breakpoint
CREATE INDEX "conference_decision_conference_idx" ON "conference_decision" USING btree ("conference_id");--> statement-breakpoint
ALTER TABLE "conference" ADD CONSTRAINT "conference_follows_conference_id_conference_id_fk" FOREIGN KEY ("follows_conference_id") REFERENCES "public"."conference"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "conference_follows_uq" ON "conference" USING btree ("follows_conference_id");