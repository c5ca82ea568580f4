-- SPDX-License-Identifier: Apache-2.0
-- What the queue runner needs to claim entries safely when several servers share one database,
-- and to send a delay notice only once.
-- A claim sets the entry IN_DELIVERY with a random claim token and a lease: the token tells the
-- claimer which rows it won (one UPDATE claims a whole batch), and an entry whose lease has run
-- out, because its server died mid-delivery, is due again and claimed by someone else.
ALTER TABLE queue_entry ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE queue_entry ADD COLUMN claim_token VARCHAR(36);
CREATE INDEX ix_queue_entry_claim ON queue_entry (claim_token);
-- Whether the sender has been told that delivery to this recipient is delayed (RFC 3461 NOTIFY=DELAY).
ALTER TABLE queue_entry ADD COLUMN delay_reported BOOLEAN DEFAULT FALSE NOT NULL;
