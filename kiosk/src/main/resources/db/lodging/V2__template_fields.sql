-- What the police portal's import template (tblt_vn_import.xlsx) and the foreign guests' XML need beyond the law's
-- minimum: sex (column D "GIỚI TÍNH (*)", required; <gioi_tinh> M/F), the residence on the card (columns J-M,
-- optional) and which kind of card gave the number (column F "LOẠI GIẤY TỜ (*)": 1 Thẻ CCCD or 8 Thẻ Căn Cước).
-- sex and residence hold FieldCipher values; card_kind is CCCD, CAN_CUOC or null. Older rows have nulls: their
-- template export is refused with the guest's row and column until the staff fill them in another way.
ALTER TABLE lodging_guest ADD COLUMN sex TEXT;
ALTER TABLE lodging_guest ADD COLUMN residence TEXT;
ALTER TABLE lodging_guest ADD COLUMN card_kind VARCHAR(16);
