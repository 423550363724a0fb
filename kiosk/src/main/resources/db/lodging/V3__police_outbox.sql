-- The outbox of the direct submission to the police lodging API (lodging.police.*; docs/LODGING.md). One row per
-- night's notice ('night:YYYY-MM-DD') or per early checkout ('checkout:<guest id>'). No personal data: the guests
-- are read from lodging_guest when the notice is sent; last_problem holds the portal's message with ID-like numbers
-- removed. With a shared PostgreSQL register, enable the submission on one station only. state: PENDING (queued or retrying), NOTIFIED (every guest confirmed), FAILED (needs the owner).
CREATE TABLE lodging_police_outbox (
  ref VARCHAR(64) PRIMARY KEY,
  kind VARCHAR(16) NOT NULL,
  night VARCHAR(10),
  guest_id VARCHAR(32),
  state VARCHAR(16) NOT NULL,
  -- raised by every queueing: a send started before a guest was added does not close the row
  version INTEGER NOT NULL,
  attempts INTEGER NOT NULL,
  next_attempt_at BIGINT NOT NULL,
  queued_at BIGINT NOT NULL,
  done_at BIGINT,
  confirmed INTEGER NOT NULL,
  last_problem VARCHAR(1000)
);
CREATE INDEX lodging_police_outbox_due ON lodging_police_outbox (state, next_attempt_at);
