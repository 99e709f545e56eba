-- My dates (issue 17): only what a person chose to keep, and only dates: no document number, no name.
-- A row in date_owner is the person's consent; /forget deletes it with everything below.
CREATE TABLE date_owner (
    chat_id    BIGINT      NOT NULL PRIMARY KEY,
    awaiting   VARCHAR(32),
    reminders  INTEGER     NOT NULL,
    created_at BIGINT      NOT NULL
);

CREATE TABLE person_date (
    chat_id BIGINT      NOT NULL,
    kind    VARCHAR(32) NOT NULL,
    day     VARCHAR(10) NOT NULL,
    PRIMARY KEY (chat_id, kind)
);

-- A reminder waits as PENDING until its time, then its message is queued in the same transaction that
-- marks it SENT, so that a restart neither loses nor repeats it. DONE marks a deadline the person said
-- they have dealt with.
CREATE TABLE date_reminder (
    id        ${auto_increment_key},
    chat_id   BIGINT      NOT NULL,
    deadline  VARCHAR(40) NOT NULL,
    due       VARCHAR(10) NOT NULL,
    remind_at BIGINT      NOT NULL,
    status    VARCHAR(16) NOT NULL
);
CREATE INDEX date_reminder_due ON date_reminder (status, remind_at);
CREATE INDEX date_reminder_by_chat ON date_reminder (chat_id, deadline);
