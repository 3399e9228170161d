-- Devices of a user, with an optional push subscription (Web Push subscription object, FCM
-- registration token or APNs device token), which the pusher reads.

CREATE TABLE devices (
  id         bigserial   PRIMARY KEY,
  user_id    bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name       text        NOT NULL,
  platform   text        NOT NULL CHECK (platform IN ('web', 'ios', 'android', 'desktop', 'other')),
  push_kind  text        CHECK (push_kind IN ('webpush', 'fcm', 'apns')),
  push       jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((push_kind IS NULL) = (push IS NULL))
);

CREATE INDEX devices_by_user ON devices (user_id);
