ALTER TABLE test_person ADD COLUMN note TEXT;
CREATE INDEX test_person_subject ON test_person (subject_hash);
