-- SPDX-License-Identifier: Apache-2.0
-- Queue entries the administrator puts on hold (Postfix's "postsuper -h"): never claimed until released.
ALTER TABLE queue_entry DROP CONSTRAINT ck_queue_entry_state;
ALTER TABLE queue_entry ADD CONSTRAINT ck_queue_entry_state
    CHECK (state IN ('QUEUED', 'IN_DELIVERY', 'DEFERRED', 'DELIVERED', 'BOUNCED', 'HELD'));
