CREATE TABLE "settlement" (
	"geoname_id" integer PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"country" text NOT NULL,
	"population" integer NOT NULL,
	"geom" geometry(Point,4326) NOT NULL
);
--> statement-breakpoint
CREATE INDEX "settlement_geom_idx" ON "settlement" USING gist ("geom");