-- The chat a question without an answer came from, only so that /forget can erase it: it is never
-- shown to maintainers, and the question is purged after its retention period all the same.
ALTER TABLE unanswered_question ADD COLUMN chat_id BIGINT;
CREATE INDEX unanswered_question_by_chat ON unanswered_question (chat_id);
