-- a personal table for the storage tests
CREATE TABLE test_person (
  id VARCHAR(32) PRIMARY KEY,
  subject_hash CHAR(64) NOT NULL,
  full_name TEXT NOT NULL,
  retain_from BIGINT NOT NULL
);
