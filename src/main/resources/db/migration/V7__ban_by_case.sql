-- The case a ban was given for, so that staff can lift it with /unban N, by the number they know,
-- even after the person was forgotten.
ALTER TABLE banned_user ADD COLUMN case_id BIGINT;
