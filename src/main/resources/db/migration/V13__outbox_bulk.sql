-- A message sent to many people at once (an announcement) waits behind every other waiting message, so
-- that a person's own reply always goes first (issue 17).
ALTER TABLE outbox ADD COLUMN bulk INTEGER NOT NULL DEFAULT 0;
