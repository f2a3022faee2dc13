CREATE TYPE "public"."feedback_letter_status" AS ENUM('draft', 'sent');--> statement-breakpoint
CREATE TYPE "public"."poll_answer" AS ENUM('yes', 'if_need_be', 'no');--> statement-breakpoint
CREATE TABLE "calendar_feed" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feed_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "conference_poll" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "conference_poll_conference_id_unique" UNIQUE("conference_id")
);
--> statement-breakpoint
CREATE TABLE "conference_poll_answer" (
	"invite_id" uuid NOT NULL,
	"option_id" uuid NOT NULL,
	"answer" "poll_answer" NOT NULL,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conference_poll_answer_invite_id_option_id_pk" PRIMARY KEY("invite_id","option_id")
);
--> statement-breakpoint
CREATE TABLE "conference_poll_invite" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"poll_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"respondent_name" text,
	"responded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "conference_poll_option" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"poll_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_letter" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"partner_institution_id" uuid,
	"organization_id" uuid,
	"language" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"status" "feedback_letter_status" DEFAULT 'draft' NOT NULL,
	"sent_at" timestamp with time zone,
	"sent_by" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "feedback_letter_one_recipient" CHECK (("feedback_letter"."partner_institution_id" is null) <> ("feedback_letter"."organization_id" is null)),
	CONSTRAINT "feedback_letter_sent_shape" CHECK (("feedback_letter"."status" = 'sent') = ("feedback_letter"."sent_at" is not null and "feedback_letter"."sent_by" is not null))
);
--> statement-breakpoint
ALTER TABLE "calendar_feed" ADD CONSTRAINT "calendar_feed_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_poll" ADD CONSTRAINT "conference_poll_conference_id_conference_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conference"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_poll" ADD CONSTRAINT "conference_poll_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_poll_answer" ADD CONSTRAINT "conference_poll_answer_invite_id_conference_poll_invite_id_fk" FOREIGN KEY ("invite_id") REFERENCES "public"."conference_poll_invite"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_poll_answer" ADD CONSTRAINT "conference_poll_answer_option_id_conference_poll_option_id_fk" FOREIGN KEY ("option_id") REFERENCES "public"."conference_poll_option"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_poll_invite" ADD CONSTRAINT "conference_poll_invite_poll_id_conference_poll_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."conference_poll"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_poll_invite" ADD CONSTRAINT "conference_poll_invite_participant_id_conference_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."conference_participant"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_poll_option" ADD CONSTRAINT "conference_poll_option_poll_id_conference_poll_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."conference_poll"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_letter" ADD CONSTRAINT "feedback_letter_conference_id_conference_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conference"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_letter" ADD CONSTRAINT "feedback_letter_partner_institution_id_partner_institution_id_fk" FOREIGN KEY ("partner_institution_id") REFERENCES "public"."partner_institution"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_letter" ADD CONSTRAINT "feedback_letter_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_letter" ADD CONSTRAINT "feedback_letter_sent_by_app_user_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_letter" ADD CONSTRAINT "feedback_letter_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "conference_poll_invite_token_uq" ON "conference_poll_invite" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "conference_poll_invite_participant_uq" ON "conference_poll_invite" USING btree ("poll_id","participant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "conference_poll_option_uq" ON "conference_poll_option" USING btree ("poll_id","starts_at");--> statement-breakpoint
CREATE INDEX "feedback_letter_conference_idx" ON "feedback_letter" USING btree ("conference_id");