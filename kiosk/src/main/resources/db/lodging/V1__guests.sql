-- The lodging guest register (thông báo lưu trú). Personal fields hold FieldCipher values ("v1:..."), the ID or
-- passport number is kept encrypted and, for lookups, as its keyed hash (subject_hash). No portrait, sex,
-- ethnicity or religion: the notification does not need them.
CREATE TABLE lodging_guest (
  id VARCHAR(32) PRIMARY KEY,
  subject_hash CHAR(64) NOT NULL,
  document_type VARCHAR(16) NOT NULL,
  foreign_guest INTEGER NOT NULL,
  full_name TEXT NOT NULL,
  date_of_birth TEXT,
  document_number TEXT NOT NULL,
  nationality TEXT,
  reason TEXT NOT NULL,
  room VARCHAR(40) NOT NULL,
  -- local times of the establishment: arrival YYYY-MM-DDTHH:MM, first night YYYY-MM-DD, expected departure date
  arrival VARCHAR(16) NOT NULL,
  arrival_date VARCHAR(10) NOT NULL,
  departure VARCHAR(10) NOT NULL,
  checked_out_at VARCHAR(16),
  checkout_date VARCHAR(10),
  stay_address TEXT NOT NULL,
  verification VARCHAR(16) NOT NULL,
  station VARCHAR(100) NOT NULL,
  created_at BIGINT NOT NULL,
  -- epoch ms from which storage.retentionDays counts: the end of the stay
  retain_from BIGINT NOT NULL,
  -- epoch ms when the guest was exported or marked notified to the police; null: not yet
  notified_at BIGINT
);
CREATE INDEX lodging_guest_subject ON lodging_guest (subject_hash);
CREATE INDEX lodging_guest_night ON lodging_guest (arrival_date, departure);
