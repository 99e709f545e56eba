-- The sender asks for the oldest waiting message of each chat, so that one chat's backlog never hides
-- another chat's reply; this index answers that from the index alone.
CREATE INDEX outbox_pending_by_chat ON outbox (status, chat_id, id);
