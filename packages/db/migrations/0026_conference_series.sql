CREATE TYPE "public"."series_exception_kind" AS ENUM('skipped', 'moved');--> statement-breakpoint
CREATE TABLE "conference_series" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"organiser_user_id" uuid NOT NULL,
	"rrule" text NOT NULL,
	"timezone" text NOT NULL,
	"dtstart" timestamp NOT NULL,
	"duration_minutes" integer NOT NULL,
	"participants" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"room_id" uuid,
	"online" boolean DEFAULT false NOT NULL,
	"location_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conference_series_exception" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"series_id" uuid NOT NULL,
	"original_date" date NOT NULL,
	"kind" "series_exception_kind" NOT NULL,
	"moved_to" timestamp,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "conference" ADD COLUMN "series_id" uuid;--> statement-breakpoint
ALTER TABLE "conference" ADD COLUMN "series_occurrence" text;--> statement-breakpoint
ALTER TABLE "conference_series" ADD CONSTRAINT "conference_series_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_series" ADD CONSTRAINT "conference_series_organiser_user_id_app_user_id_fk" FOREIGN KEY ("organiser_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_series_exception" ADD CONSTRAINT "conference_series_exception_series_id_conference_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."conference_series"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_series_exception" ADD CONSTRAINT "conference_series_exception_created_by_user_id_app_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conference_series_agency_idx" ON "conference_series" USING btree ("agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "conference_series_exception_uq" ON "conference_series_exception" USING btree ("series_id","original_date");--> statement-breakpoint
ALTER TABLE "conference" ADD CONSTRAINT "conference_series_id_conference_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."conference_series"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "conference_series_occurrence_uq" ON "conference" USING btree ("series_id","series_occurrence") WHERE series_id is not null and status <> 'cancelled';