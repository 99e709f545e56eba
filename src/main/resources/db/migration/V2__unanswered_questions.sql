-- Questions the bot had no confident answer for, kept for maintainers without anything that says
-- who asked: the text (numbers and e-mail addresses masked), its language and when.
CREATE TABLE unanswered_question (
    id          ${auto_increment_key},
    text        VARCHAR(1000) NOT NULL,
    language    VARCHAR(16)   NOT NULL,
    asked_at    BIGINT        NOT NULL
);
CREATE INDEX unanswered_question_by_time ON unanswered_question (asked_at);
