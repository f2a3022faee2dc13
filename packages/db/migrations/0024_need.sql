CREATE TYPE "public"."need_reporter" AS ENUM('provider', 'family', 'child_protection_office', 'school', 'health_service', 'police', 'court', 'ngo', 'municipality', 'other');--> statement-breakpoint
CREATE TYPE "public"."need_severity" AS ENUM('low', 'medium', 'high', 'critical');--> statement-breakpoint
CREATE TYPE "public"."need_status" AS ENUM('open', 'in_progress', 'met');--> statement-breakpoint
ALTER TYPE "public"."history_entity" ADD VALUE 'need';--> statement-breakpoint
CREATE TABLE "need" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"taxonomy_term_id" uuid NOT NULL,
	"description" text NOT NULL,
	"reported_by" "need_reporter" NOT NULL,
	"severity" "need_severity" NOT NULL,
	"status" "need_status" DEFAULT 'open' NOT NULL,
	"reported_on" date NOT NULL,
	"met_on" date,
	"organization_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "need_met_shape" CHECK (("need"."status" = 'met') = ("need"."met_on" is not null)),
	CONSTRAINT "need_dates" CHECK ("need"."met_on" is null or "need"."met_on" >= "need"."reported_on"),
	CONSTRAINT "need_description" CHECK (length(btrim("need"."description")) between 3 and 4000)
);
--> statement-breakpoint
ALTER TABLE "need" ADD CONSTRAINT "need_territory_id_territory_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territory"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need" ADD CONSTRAINT "need_taxonomy_term_id_taxonomy_term_id_fk" FOREIGN KEY ("taxonomy_term_id") REFERENCES "public"."taxonomy_term"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need" ADD CONSTRAINT "need_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need" ADD CONSTRAINT "need_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "need_territory_idx" ON "need" USING btree ("territory_id","status");--> statement-breakpoint
CREATE INDEX "need_term_idx" ON "need" USING btree ("taxonomy_term_id");