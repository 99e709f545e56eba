-- The hourly retention purge finds old handled updates and sent messages by these, a thousand at a
-- time, instead of scanning the tables in one statement that held SQLite for seconds (issue 19).
CREATE INDEX inbox_by_processed ON inbox (processed_at);
CREATE INDEX outbox_by_sent ON outbox (sent_at);
