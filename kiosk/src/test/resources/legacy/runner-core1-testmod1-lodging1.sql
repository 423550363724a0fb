-- A register database as the kiosk's own migration runner (before Flyway) left it after core V1, testmod V1 and
-- lodging V1: its version table exactly as that runner created it, one row per applied script, and the tables of
-- those scripts. LegacySchemaUpgradeTest fills it and opens it with the current code.
CREATE TABLE schema_version (module VARCHAR(40) NOT NULL, version INTEGER NOT NULL, description VARCHAR(200) NOT NULL, applied_at BIGINT NOT NULL, PRIMARY KEY (module, version));
CREATE TABLE storage_meta (name VARCHAR(40) PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO schema_version (module, version, description, applied_at) VALUES ('core', 1, 'storage_meta', 1767225600000);
CREATE TABLE test_person (id VARCHAR(32) PRIMARY KEY, subject_hash CHAR(64) NOT NULL, full_name TEXT NOT NULL, retain_from BIGINT NOT NULL);
INSERT INTO schema_version (module, version, description, applied_at) VALUES ('testmod', 1, 'people', 1767225600000);
CREATE TABLE lodging_guest (id VARCHAR(32) PRIMARY KEY, subject_hash CHAR(64) NOT NULL, document_type VARCHAR(16) NOT NULL, foreign_guest INTEGER NOT NULL, full_name TEXT NOT NULL, date_of_birth TEXT, document_number TEXT NOT NULL, nationality TEXT, reason TEXT NOT NULL, room VARCHAR(40) NOT NULL, arrival VARCHAR(16) NOT NULL, arrival_date VARCHAR(10) NOT NULL, departure VARCHAR(10) NOT NULL, checked_out_at VARCHAR(16), checkout_date VARCHAR(10), stay_address TEXT NOT NULL, verification VARCHAR(16) NOT NULL, station VARCHAR(100) NOT NULL, created_at BIGINT NOT NULL, retain_from BIGINT NOT NULL, notified_at BIGINT);
CREATE INDEX lodging_guest_subject ON lodging_guest (subject_hash);
CREATE INDEX lodging_guest_night ON lodging_guest (arrival_date, departure);
INSERT INTO schema_version (module, version, description, applied_at) VALUES ('lodging', 1, 'guests', 1767225600000);
