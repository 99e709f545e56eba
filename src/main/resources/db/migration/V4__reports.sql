-- A case: a migrant's report to consular staff. The number is what both sides see. Personal content
-- (chat id, city, time, phone, location) is erased when the case is purged or the person asks to be
-- forgotten; what remains (status, topic, language, urgency, times) is only an anonymous count.
CREATE TABLE report_case (
    id                ${auto_increment_key},
    chat_id           BIGINT       NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    intake_step       VARCHAR(16),
    urgent            INTEGER      NOT NULL,
    topic             VARCHAR(64),
    language          VARCHAR(16)  NOT NULL,
    citizenship       VARCHAR(8),
    city              VARCHAR(200),
    happened          VARCHAR(200),
    phone             VARCHAR(40),
    latitude          DOUBLE PRECISION,
    longitude         DOUBLE PRECISION,
    thread_id         BIGINT,
    topic_requested   INTEGER      NOT NULL,
    announced         INTEGER      NOT NULL,
    taken_by          BIGINT,
    rating            INTEGER,
    created_at        BIGINT       NOT NULL,
    opened_at         BIGINT,
    first_answer_at   BIGINT,
    last_ack_at       BIGINT,
    reminded_at       BIGINT,
    reminders         INTEGER      NOT NULL,
    user_notified_at  BIGINT,
    closed_at         BIGINT
);
CREATE INDEX report_case_by_chat ON report_case (chat_id, status);
CREATE INDEX report_case_by_status ON report_case (status, created_at);

-- What was said in a case, in order: from the person (IN), from staff (OUT), staff notes (NOTE).
-- relayed = 0 while a message waits for its forum topic to exist.
CREATE TABLE case_message (
    id                ${auto_increment_key},
    case_id           BIGINT       NOT NULL,
    direction         VARCHAR(8)   NOT NULL,
    kind              VARCHAR(16)  NOT NULL,
    text              TEXT,
    file_id           VARCHAR(300),
    source_chat_id    BIGINT,
    source_message_id BIGINT,
    relayed           INTEGER      NOT NULL,
    created_at        BIGINT       NOT NULL
);
CREATE INDEX case_message_by_case ON case_message (case_id, id);

-- Which message in the staff chat belongs to which case, so that a staff reply reaches its person.
CREATE TABLE staff_message (
    chat_id     BIGINT NOT NULL,
    message_id  BIGINT NOT NULL,
    case_id     BIGINT NOT NULL,
    PRIMARY KEY (chat_id, message_id)
);
CREATE INDEX staff_message_by_case ON staff_message (case_id);

-- People staff banned from opening cases. Kept after /forget, so that forgetting is not a way around a ban.
CREATE TABLE banned_user (
    chat_id    BIGINT NOT NULL PRIMARY KEY,
    banned_at  BIGINT NOT NULL
);
