-- Hand-written: who verified a record points at app_user (the drizzle schema of these tables cannot
-- import the access schema), and a cooperation agreement's date only exists with an agreement.
ALTER TABLE "organization" ADD CONSTRAINT "organization_verified_by_fk" FOREIGN KEY ("verified_by") REFERENCES "app_user"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "service" ADD CONSTRAINT "service_verified_by_fk" FOREIGN KEY ("verified_by") REFERENCES "app_user"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "location" ADD CONSTRAINT "location_verified_by_fk" FOREIGN KEY ("verified_by") REFERENCES "app_user"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "partner_institution" ADD CONSTRAINT "partner_institution_verified_by_fk" FOREIGN KEY ("verified_by") REFERENCES "app_user"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "partner_institution" ADD CONSTRAINT "partner_institution_agreement_date_ck" CHECK ("agreement_date" IS NULL OR "cooperation_agreement");
