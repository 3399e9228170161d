-- Accounts: password hashes (Argon2id), sessions that can be revoked, public profile fields.

ALTER TABLE users
  ADD COLUMN password_hash text,
  ADD COLUMN display_name  text,
  ADD COLUMN avatar_url    text,
  ADD COLUMN status_text   text;

-- usernames are stored canonical (lower case); search by prefix uses this index
CREATE INDEX users_username_prefix ON users (username text_pattern_ops);

CREATE TABLE sessions (
  id         uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id    bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);

CREATE INDEX sessions_by_user ON sessions (user_id) WHERE revoked_at IS NULL;
