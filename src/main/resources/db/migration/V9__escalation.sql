-- When an urgent case nobody answered was raised to the escalation chat: once per opening.
ALTER TABLE report_case ADD COLUMN escalated_at BIGINT;
