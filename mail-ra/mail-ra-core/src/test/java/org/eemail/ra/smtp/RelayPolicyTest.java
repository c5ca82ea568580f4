// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp;

import org.eemail.ra.api.AddressInfo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The relay decisions as a table: recipient kind x authenticated x trusted client. */
class RelayPolicyTest {

    @Test
    void localMailboxesAreAcceptedFromAnyoneWhileTheyHaveQuota() {
        for (boolean authenticated : new boolean[] {false, true}) {
            for (boolean trusted : new boolean[] {false, true}) {
                assertEquals(Optional.empty(), RelayPolicy.refusal(AddressInfo.local(Long.MAX_VALUE), authenticated, trusted));
                assertEquals(Optional.empty(), RelayPolicy.refusal(AddressInfo.local(1), authenticated, trusted));
                assertEquals(Optional.of(SmtpReplies.MAILBOX_FULL), RelayPolicy.refusal(AddressInfo.local(0), authenticated, trusted));
                assertEquals(Optional.of(SmtpReplies.UNKNOWN_USER), RelayPolicy.refusal(AddressInfo.UNKNOWN_LOCAL, authenticated, trusted));
            }
        }
    }

    @Test
    void foreignDomainsOnlyForAuthenticatedOrTrustedClients() {
        assertEquals(Optional.of(SmtpReplies.RELAY_DENIED), RelayPolicy.refusal(AddressInfo.FOREIGN, false, false));
        assertEquals(Optional.empty(), RelayPolicy.refusal(AddressInfo.FOREIGN, true, false));
        assertEquals(Optional.empty(), RelayPolicy.refusal(AddressInfo.FOREIGN, false, true));
        assertEquals(Optional.empty(), RelayPolicy.refusal(AddressInfo.FOREIGN, true, true));
    }

    @Test
    void theRepliesAreTheDocumentedOnes() {
        assertEquals("554 5.7.1 Relay access denied\r\n", SmtpReplies.RELAY_DENIED.wireText());
        assertEquals(452, SmtpReplies.MAILBOX_FULL.code());
        assertEquals("4.2.2", SmtpReplies.MAILBOX_FULL.enhanced());
        assertEquals("5.1.1", SmtpReplies.UNKNOWN_USER.enhanced());
    }
}
