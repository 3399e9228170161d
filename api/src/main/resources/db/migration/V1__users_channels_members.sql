-- Foundation: users, channels and memberships. Accounts (passwords, sessions), profiles,
-- friends and devices arrive in later migrations.

CREATE TABLE users (
  id         bigserial   PRIMARY KEY,
  username   text        NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE channels (
  id          bigserial   PRIMARY KEY,
  kind        text        NOT NULL CHECK (kind IN ('direct', 'group')),
  name        text,
  -- a direct channel names its pair, lowest user id first; one row per pair
  direct_low  bigint      REFERENCES users (id),
  direct_high bigint      REFERENCES users (id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'direct') = (direct_low IS NOT NULL AND direct_high IS NOT NULL)),
  CHECK (direct_low < direct_high)
);

CREATE UNIQUE INDEX channels_one_direct_per_pair ON channels (direct_low, direct_high) WHERE kind = 'direct';

CREATE TABLE channel_members (
  channel_id bigint      NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
  user_id    bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role       text        NOT NULL DEFAULT 'member' CHECK (role IN ('owner', 'admin', 'member')),
  joined_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (channel_id, user_id)
);

CREATE INDEX channel_members_by_user ON channel_members (user_id);
