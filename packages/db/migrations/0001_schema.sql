CREATE TYPE "public"."role" AS ENUM('networker', 'coordinator', 'organiser', 'partner', 'admin');--> statement-breakpoint
CREATE TYPE "public"."conference_kind" AS ENUM('case_conference', 'case_discussion', 'family_conference', 'signalling_meeting', 'care_plan_review');--> statement-breakpoint
CREATE TYPE "public"."conference_status" AS ENUM('scheduled', 'held', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."address_type" AS ENUM('physical', 'postal', 'virtual');--> statement-breakpoint
CREATE TYPE "public"."attending_type" AS ENUM('in_person', 'online', 'phone', 'hybrid');--> statement-breakpoint
CREATE TYPE "public"."location_type" AS ENUM('physical', 'postal', 'virtual');--> statement-breakpoint
CREATE TYPE "public"."schedule_freq" AS ENUM('WEEKLY', 'MONTHLY');--> statement-breakpoint
CREATE TYPE "public"."service_status" AS ENUM('active', 'inactive', 'defunct', 'temporarily closed');--> statement-breakpoint
CREATE TYPE "public"."agency_kind" AS ENUM('child_welfare_centre', 'family_support_service', 'territorial_child_protection', 'child_protection_office', 'local_network', 'partner', 'administration');--> statement-breakpoint
CREATE TYPE "public"."partner_kind" AS ENUM('school', 'kindergarten', 'nursery', 'health_visitor', 'gp', 'hospital', 'police', 'court', 'guardianship_authority', 'ngo');--> statement-breakpoint
CREATE TYPE "public"."territory_kind" AS ENUM('region', 'orp', 'county', 'district', 'custom');--> statement-breakpoint
CREATE TABLE "app_user" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"locale" text DEFAULT 'en' NOT NULL,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "app_user_email_uq" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"action" text NOT NULL,
	"resource_type" text,
	"resource_id" text,
	"outcome" text NOT NULL,
	"request_id" text,
	"details" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "membership" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"role" "role" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "membership_uq" UNIQUE("user_id","agency_id","role")
);
--> statement-breakpoint
CREATE TABLE "territory_assignment" (
	"user_id" uuid NOT NULL,
	"territory_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "territory_assignment_user_id_territory_id_pk" PRIMARY KEY("user_id","territory_id")
);
--> statement-breakpoint
CREATE TABLE "user_session" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_session_token_uq" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "conference" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "conference_kind" NOT NULL,
	"case_ref" text,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"timezone" text NOT NULL,
	"status" "conference_status" DEFAULT 'scheduled' NOT NULL,
	"organiser_user_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conference_participant" (
	"conference_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conference_participant_conference_id_user_id_pk" PRIMARY KEY("conference_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "accessibility" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"location_id" uuid,
	"description" text,
	"details" text,
	"url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "address" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"location_id" uuid,
	"attention" text,
	"address_1" text NOT NULL,
	"address_2" text,
	"city" text NOT NULL,
	"region" text,
	"state_province" text NOT NULL,
	"postal_code" text NOT NULL,
	"country" text NOT NULL,
	"address_type" "address_type" DEFAULT 'physical' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attribute" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"link_id" uuid NOT NULL,
	"taxonomy_term_id" uuid NOT NULL,
	"link_type" text,
	"link_entity" text NOT NULL,
	"value" text,
	"label" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "attribute_link_term_uq" UNIQUE("link_entity","link_id","taxonomy_term_id")
);
--> statement-breakpoint
CREATE TABLE "cost_option" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"option" text,
	"currency" text,
	"amount" numeric,
	"amount_description" text,
	"free" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "language" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid,
	"location_id" uuid,
	"phone_id" uuid,
	"name" text,
	"code" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "location" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"location_type" "location_type" DEFAULT 'physical' NOT NULL,
	"url" text,
	"organization_id" uuid,
	"name" text,
	"alternate_name" text,
	"description" text,
	"transportation" text,
	"latitude" numeric,
	"longitude" numeric,
	"external_identifier" text,
	"external_identifier_type" text,
	"geom" geometry(Point,4326),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organization" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"alternate_name" text,
	"description" text NOT NULL,
	"email" text,
	"website" text,
	"tax_status" text,
	"tax_id" text,
	"year_incorporated" integer,
	"legal_status" text,
	"logo" text,
	"uri" text,
	"parent_organization_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "phone" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"location_id" uuid,
	"service_id" uuid,
	"organization_id" uuid,
	"service_at_location_id" uuid,
	"number" text NOT NULL,
	"extension" text,
	"type" text,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "schedule" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid,
	"location_id" uuid,
	"service_at_location_id" uuid,
	"valid_from" date,
	"valid_to" date,
	"dtstart" date,
	"timezone" text,
	"until" date,
	"count" integer,
	"wkst" text,
	"freq" "schedule_freq",
	"interval" integer,
	"byday" text,
	"byweekno" text,
	"bymonthday" text,
	"byyearday" text,
	"description" text,
	"opens_at" time,
	"closes_at" time,
	"schedule_link" text,
	"attending_type" "attending_type",
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"alternate_name" text,
	"description" text,
	"url" text,
	"email" text,
	"status" "service_status" DEFAULT 'active' NOT NULL,
	"interpretation_services" text,
	"application_process" text,
	"fees_description" text,
	"wait_time" text,
	"accreditations" text,
	"eligibility_description" text,
	"minimum_age" integer,
	"maximum_age" integer,
	"assured_date" date,
	"assurer_email" text,
	"alert" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_area" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid,
	"service_at_location_id" uuid,
	"name" text,
	"description" text,
	"extent" text,
	"extent_type" text,
	"uri" text,
	"geom" geometry(MultiPolygon,4326),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_at_location" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "service_at_location_pair_uq" UNIQUE("service_id","location_id")
);
--> statement-breakpoint
CREATE TABLE "taxonomy" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"uri" text,
	"version" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"row_version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "taxonomy_term" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"parent_id" uuid,
	"taxonomy" text,
	"language" text,
	"taxonomy_id" uuid,
	"term_uri" text,
	"labels" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "taxonomy_term_code_uq" UNIQUE("taxonomy_id","code")
);
--> statement-breakpoint
CREATE TABLE "agency" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" "agency_kind" NOT NULL,
	"country" text NOT NULL,
	"organization_id" uuid,
	"territory_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_institution" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"partner_kind" "partner_kind" NOT NULL,
	"territory_id" uuid,
	"agency_id" uuid,
	"address" text,
	"city" text,
	"country" text NOT NULL,
	"email" text,
	"phone" text,
	"geom" geometry(Point,4326),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "territory" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" "territory_kind" NOT NULL,
	"code" text,
	"country" text NOT NULL,
	"parent_id" uuid,
	"geom" geometry(MultiPolygon,4326) NOT NULL,
	"approximate" boolean DEFAULT false NOT NULL,
	"source" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "territory_assignment" ADD CONSTRAINT "territory_assignment_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "territory_assignment" ADD CONSTRAINT "territory_assignment_territory_id_territory_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territory"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_session" ADD CONSTRAINT "user_session_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference" ADD CONSTRAINT "conference_organiser_user_id_app_user_id_fk" FOREIGN KEY ("organiser_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference" ADD CONSTRAINT "conference_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_participant" ADD CONSTRAINT "conference_participant_conference_id_conference_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conference"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_participant" ADD CONSTRAINT "conference_participant_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_participant" ADD CONSTRAINT "conference_participant_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accessibility" ADD CONSTRAINT "accessibility_location_id_location_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."location"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "address" ADD CONSTRAINT "address_location_id_location_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."location"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attribute" ADD CONSTRAINT "attribute_taxonomy_term_id_taxonomy_term_id_fk" FOREIGN KEY ("taxonomy_term_id") REFERENCES "public"."taxonomy_term"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_option" ADD CONSTRAINT "cost_option_service_id_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."service"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "language" ADD CONSTRAINT "language_service_id_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."service"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "language" ADD CONSTRAINT "language_location_id_location_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."location"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "language" ADD CONSTRAINT "language_phone_id_phone_id_fk" FOREIGN KEY ("phone_id") REFERENCES "public"."phone"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "location" ADD CONSTRAINT "location_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone" ADD CONSTRAINT "phone_location_id_location_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."location"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone" ADD CONSTRAINT "phone_service_id_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."service"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone" ADD CONSTRAINT "phone_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone" ADD CONSTRAINT "phone_service_at_location_id_service_at_location_id_fk" FOREIGN KEY ("service_at_location_id") REFERENCES "public"."service_at_location"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule" ADD CONSTRAINT "schedule_service_id_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."service"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule" ADD CONSTRAINT "schedule_location_id_location_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."location"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule" ADD CONSTRAINT "schedule_service_at_location_id_service_at_location_id_fk" FOREIGN KEY ("service_at_location_id") REFERENCES "public"."service_at_location"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service" ADD CONSTRAINT "service_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_area" ADD CONSTRAINT "service_area_service_id_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."service"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_area" ADD CONSTRAINT "service_area_service_at_location_id_service_at_location_id_fk" FOREIGN KEY ("service_at_location_id") REFERENCES "public"."service_at_location"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_at_location" ADD CONSTRAINT "service_at_location_service_id_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."service"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_at_location" ADD CONSTRAINT "service_at_location_location_id_location_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."location"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taxonomy_term" ADD CONSTRAINT "taxonomy_term_taxonomy_id_taxonomy_id_fk" FOREIGN KEY ("taxonomy_id") REFERENCES "public"."taxonomy"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency" ADD CONSTRAINT "agency_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency" ADD CONSTRAINT "agency_territory_id_territory_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territory"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_institution" ADD CONSTRAINT "partner_institution_territory_id_territory_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territory"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_institution" ADD CONSTRAINT "partner_institution_agency_id_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agency"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_user_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_resource_idx" ON "audit_log" USING btree ("resource_type","resource_id");--> statement-breakpoint
CREATE INDEX "membership_agency_idx" ON "membership" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "user_session_user_idx" ON "user_session" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "conference_starts_idx" ON "conference" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "conference_agency_idx" ON "conference" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "conference_participant_user_idx" ON "conference_participant" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "accessibility_location_idx" ON "accessibility" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "address_location_idx" ON "address" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "attribute_link_idx" ON "attribute" USING btree ("link_entity","link_id");--> statement-breakpoint
CREATE INDEX "attribute_term_idx" ON "attribute" USING btree ("taxonomy_term_id");--> statement-breakpoint
CREATE INDEX "cost_option_service_idx" ON "cost_option" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "language_service_idx" ON "language" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "language_code_idx" ON "language" USING btree ("code");--> statement-breakpoint
CREATE INDEX "location_organization_idx" ON "location" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "organization_name_idx" ON "organization" USING btree ("name");--> statement-breakpoint
CREATE INDEX "phone_service_idx" ON "phone" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "phone_organization_idx" ON "phone" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "schedule_service_idx" ON "schedule" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "schedule_sal_idx" ON "schedule" USING btree ("service_at_location_id");--> statement-breakpoint
CREATE INDEX "service_organization_idx" ON "service" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "service_status_idx" ON "service" USING btree ("status");--> statement-breakpoint
CREATE INDEX "service_area_service_idx" ON "service_area" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "service_at_location_location_idx" ON "service_at_location" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "taxonomy_term_parent_idx" ON "taxonomy_term" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "partner_institution_territory_idx" ON "partner_institution" USING btree ("territory_id");--> statement-breakpoint
CREATE INDEX "partner_institution_kind_idx" ON "partner_institution" USING btree ("partner_kind");--> statement-breakpoint
CREATE INDEX "territory_parent_idx" ON "territory" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "territory_kind_idx" ON "territory" USING btree ("kind");