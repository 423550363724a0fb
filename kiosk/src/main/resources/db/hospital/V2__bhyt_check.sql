-- The BHYT card check made through the BHXH gateway at check-in (KQNhanLichSuKCB2024): a FieldCipher value of its
-- JSON (status, result code, returned card number and validity); null for check-ins made before this version.
ALTER TABLE hospital_checkin ADD COLUMN bhyt_check TEXT;
