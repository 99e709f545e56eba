-- The line of chats waiting for a message (issue 19). The sender used to find each chat's oldest
-- waiting message by grouping every waiting row on every turn, so its cost grew with the queue, and it
-- sent oldest first, so in a burst one person's follow-ups went before other people's first answers.
-- Now each chat with something waiting has one row here: how many of its messages wait, the rank of
-- the next one (0: the first a person gets since the chat was last idle; 1: a follow-up, after one of
-- the chat's messages went; 2: bulk, an announcement), and its turn within the rank: when the chat
-- joined the line or last had a message sent, or later while it must wait. The sender reads the front
-- of this line, and finds a chat's next message by an index of the waiting messages alone.
CREATE TABLE outbox_chat (
    chat_id BIGINT  NOT NULL PRIMARY KEY,
    waiting INTEGER NOT NULL,
    rank    INTEGER NOT NULL,
    turn_at BIGINT  NOT NULL
);
CREATE INDEX outbox_chat_line ON outbox_chat (rank, turn_at);
CREATE INDEX outbox_waiting_by_chat ON outbox (chat_id, id) WHERE status IN ('PENDING', 'SENDING');
DROP INDEX outbox_pending_by_chat;
INSERT INTO outbox_chat (chat_id, waiting, rank, turn_at)
SELECT chat_id, COUNT(*), 2 * MIN(bulk), MIN(next_attempt_at) FROM outbox
WHERE status IN ('PENDING', 'SENDING') GROUP BY chat_id;
