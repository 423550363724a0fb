-- Storage facts that are not personal data. key_check: a FieldCipher value of a fixed text, so that a wrong key
-- is recognised at start (never the key itself).
CREATE TABLE storage_meta (
  name VARCHAR(40) PRIMARY KEY,
  value TEXT NOT NULL
);
