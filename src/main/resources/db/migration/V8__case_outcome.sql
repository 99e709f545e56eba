-- How a closed case ended (released, documents returned, ...): one of the outcome.* texts of the
-- knowledge base, given with /close N OUTCOME; empty when staff did not say.
ALTER TABLE report_case ADD COLUMN outcome VARCHAR(32);
