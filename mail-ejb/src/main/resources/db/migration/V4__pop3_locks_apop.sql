-- SPDX-License-Identifier: Apache-2.0
-- POP3: one session per maildrop across server instances, and the legacy APOP secret.
-- Portable SQL for H2 2.x and PostgreSQL 15.

-- The lock on an account's maildrop while a POP3 session has it open (RFC 1939 §8). The holder is
-- a server instance (named the same at every start) and a session of it; the instance renews the
-- expiry of its locks while their sessions live and clears its former run's locks when it starts,
-- and for everyone else the lock of an instance that died lapses after one lease.
-- Deleting the account deletes its lock.
CREATE TABLE maildrop_lock (
    account_id       BIGINT PRIMARY KEY,
    holder_instance  VARCHAR(64) NOT NULL,
    holder_session   VARCHAR(64) NOT NULL,
    acquired         TIMESTAMP WITH TIME ZONE NOT NULL,
    expires          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_maildrop_lock_account FOREIGN KEY (account_id) REFERENCES mail_account (id) ON DELETE CASCADE
);
CREATE INDEX ix_maildrop_lock_instance ON maildrop_lock (holder_instance);

-- APOP (RFC 1939 §7) needs a secret the server can read back: kept encrypted (AES-GCM, base64 of
-- nonce and ciphertext), never the login password or its hash. NULL: the account cannot use APOP.
ALTER TABLE mail_account ADD COLUMN apop_secret VARCHAR(255);
