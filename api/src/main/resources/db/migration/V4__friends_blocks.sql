-- Friends: a request from one user to another, then a friendship (one row per pair, lowest id
-- first). Blocks: one-way; a block hides presence and prevents friend requests and new direct
-- channels between the two.

CREATE TABLE friend_requests (
  from_id    bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  to_id      bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (from_id, to_id),
  CHECK (from_id <> to_id)
);
CREATE INDEX friend_requests_to ON friend_requests (to_id);

CREATE TABLE friendships (
  user_low   bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  user_high  bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  since      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_low, user_high),
  CHECK (user_low < user_high)
);
CREATE INDEX friendships_high ON friendships (user_high);

CREATE TABLE blocks (
  blocker_id bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  blocked_id bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (blocker_id, blocked_id),
  CHECK (blocker_id <> blocked_id)
);
CREATE INDEX blocks_blocked ON blocks (blocked_id);
