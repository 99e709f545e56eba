-- The desk a case belongs to: the staff chat that sees it and acts on it (issue 15). Cases from before
-- desks existed are the main desk's.
ALTER TABLE report_case ADD COLUMN desk VARCHAR(40) NOT NULL DEFAULT 'main';
CREATE INDEX report_case_by_desk ON report_case (desk, status);
