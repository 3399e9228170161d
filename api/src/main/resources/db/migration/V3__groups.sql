-- Groups: an owner, and a member count kept by triggers so that the database itself enforces
-- the caps: a group has at most 100 members, a direct channel at most 2. Each insert into
-- channel_members updates (and so locks) its channel row: concurrent additions queue up there
-- and the CHECK refuses the 101st, whatever the interleaving.

ALTER TABLE channels
  ADD COLUMN owner_id     bigint REFERENCES users (id) ON DELETE SET NULL,
  ADD COLUMN member_count int    NOT NULL DEFAULT 0;

UPDATE channels c SET member_count = (SELECT count(*) FROM channel_members m WHERE m.channel_id = c.id);

ALTER TABLE channels
  ADD CONSTRAINT channels_member_cap CHECK (
    member_count >= 0 AND member_count <= CASE kind WHEN 'direct' THEN 2 ELSE 100 END);

CREATE FUNCTION channel_members_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE channels SET member_count = member_count + 1 WHERE id = NEW.channel_id;
    RETURN NEW;
  ELSE
    UPDATE channels SET member_count = member_count - 1 WHERE id = OLD.channel_id;
    RETURN OLD;
  END IF;
END;
$$;

CREATE TRIGGER channel_members_count
  AFTER INSERT OR DELETE ON channel_members
  FOR EACH ROW EXECUTE FUNCTION channel_members_count();
