-- The inbox: every update, committed before Telegram is told it arrived. The payload is erased
-- once the update is handled; the id stays for a while so that a redelivered batch is ignored.
CREATE TABLE inbox (
    update_id       BIGINT       NOT NULL PRIMARY KEY,
    chat_id         BIGINT       NOT NULL,
    payload         TEXT,
    status          VARCHAR(16)  NOT NULL,
    attempts        INTEGER      NOT NULL,
    next_attempt_at BIGINT       NOT NULL,
    error           VARCHAR(500),
    received_at     BIGINT       NOT NULL,
    processed_at    BIGINT
);
CREATE INDEX inbox_by_status ON inbox (status, update_id);

-- The next getUpdates offset, stored in the same transaction as the batch it confirms.
CREATE TABLE poller_state (
    name  VARCHAR(64) NOT NULL PRIMARY KEY,
    value BIGINT      NOT NULL
);

-- The outbox: messages queued in the transaction that decided to send them.
CREATE TABLE outbox (
    id                  ${auto_increment_key},
    chat_id             BIGINT       NOT NULL,
    payload             TEXT         NOT NULL,
    correlation         VARCHAR(100),
    status              VARCHAR(16)  NOT NULL,
    attempts            INTEGER      NOT NULL,
    next_attempt_at     BIGINT       NOT NULL,
    telegram_message_id BIGINT,
    error               VARCHAR(500),
    created_at          BIGINT       NOT NULL,
    sent_at             BIGINT
);
CREATE INDEX outbox_by_status ON outbox (status, id);
