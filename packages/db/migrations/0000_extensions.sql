-- Extensions come first: the tables below use PostGIS geometry types, and the conference issues'
-- EXCLUDE constraints on rooms and time ranges need btree_gist.
CREATE EXTENSION IF NOT EXISTS postgis;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gist;
