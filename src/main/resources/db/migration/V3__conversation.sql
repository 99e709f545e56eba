-- What the bot remembers about a person: only what answering needs. No names, usernames or phones.
CREATE TABLE chat_user (
    chat_id          BIGINT       NOT NULL PRIMARY KEY,
    language         VARCHAR(16),
    citizenship      VARCHAR(8),
    settings_offered INTEGER      NOT NULL,
    created_at       BIGINT       NOT NULL,
    updated_at       BIGINT       NOT NULL
);

-- "Did this help?" answers, as counts per topic and language only: nothing links them to a person.
CREATE TABLE topic_feedback (
    topic        VARCHAR(64) NOT NULL,
    language     VARCHAR(16) NOT NULL,
    helpful      INTEGER     NOT NULL,
    not_helpful  INTEGER     NOT NULL,
    PRIMARY KEY (topic, language)
);
