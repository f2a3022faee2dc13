-- Needs are edited with optimistic locking like every network record: the shared trigger bumps
-- updated_at and version.
CREATE TRIGGER need_touch_trg BEFORE UPDATE ON need FOR EACH ROW EXECUTE FUNCTION caremap_touch_versioned();
