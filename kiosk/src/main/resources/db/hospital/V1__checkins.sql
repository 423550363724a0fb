-- Hospital reception: check-ins, per-department daily queue counters, and the webhook outbox.
-- Personal fields (patient, bhyt) hold FieldCipher (AES-GCM) text; subject_hash is the keyed hash of the ID
-- number. hospital_checkin is registered as a PersonalTable: data-subject erase and the retention purge delete its
-- rows, and their outbox rows go with them (ON DELETE CASCADE).
CREATE TABLE hospital_queue (
    day VARCHAR(10) NOT NULL,
    department VARCHAR(20) NOT NULL,
    last_number INTEGER NOT NULL,
    PRIMARY KEY (day, department)
);

CREATE TABLE hospital_checkin (
    id VARCHAR(32) PRIMARY KEY,
    day VARCHAR(10) NOT NULL,
    department VARCHAR(20) NOT NULL,
    queue_number INTEGER NOT NULL,
    created_at BIGINT NOT NULL,
    card_verdict VARCHAR(20) NOT NULL,
    station VARCHAR(120) NOT NULL,
    subject_hash VARCHAR(128),
    patient TEXT NOT NULL,
    bhyt TEXT,
    UNIQUE (day, department, queue_number)
);

CREATE INDEX hospital_checkin_subject ON hospital_checkin (subject_hash);
CREATE INDEX hospital_checkin_created ON hospital_checkin (created_at);

CREATE TABLE hospital_outbox (
    checkin_id VARCHAR(32) PRIMARY KEY REFERENCES hospital_checkin (id) ON DELETE CASCADE,
    attempts INTEGER NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    delivered_at BIGINT,
    last_problem VARCHAR(200)
);

CREATE INDEX hospital_outbox_due ON hospital_outbox (delivered_at, next_attempt_at);
