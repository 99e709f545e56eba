-- Rule-change alerts (issue 17): the topics a person asked to be told about, and each announcement's
-- delivery to each of them. A delivery is WAITING until its message is queued in the outbox, QUEUED in
-- the transaction that queues it (so a crash neither loses nor repeats one), then SENT, BLOCKED or FAILED.
CREATE TABLE subscription (
    chat_id    BIGINT      NOT NULL,
    topic      VARCHAR(40) NOT NULL,
    created_at BIGINT      NOT NULL,
    PRIMARY KEY (chat_id, topic)
);
CREATE INDEX subscription_by_topic ON subscription (topic);

CREATE TABLE announcement (
    id        VARCHAR(64) NOT NULL PRIMARY KEY,
    queued_at BIGINT      NOT NULL,
    reported  INTEGER     NOT NULL
);

CREATE TABLE announcement_text (
    announcement VARCHAR(64) NOT NULL,
    language     VARCHAR(16) NOT NULL,
    html         TEXT        NOT NULL,
    PRIMARY KEY (announcement, language)
);

CREATE TABLE announcement_delivery (
    announcement VARCHAR(64) NOT NULL,
    chat_id      BIGINT      NOT NULL,
    status       VARCHAR(16) NOT NULL,
    PRIMARY KEY (announcement, chat_id)
);
-- the sender takes the next waiting deliveries in this order, from the index, however many wait
CREATE INDEX announcement_delivery_by_status ON announcement_delivery (status, announcement, chat_id);
