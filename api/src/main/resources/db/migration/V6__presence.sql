-- Presence: invisible mode (the user appears offline to everyone but still receives everything).
-- Status and last activity live in Redis (the presence stage); only the user's choice is kept here.

ALTER TABLE users ADD COLUMN presence_invisible boolean NOT NULL DEFAULT false;
