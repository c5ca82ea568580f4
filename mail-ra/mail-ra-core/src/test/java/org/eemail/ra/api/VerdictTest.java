// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerdictTest {

    @Test
    void factoriesMakeTheirKindWithOrWithoutAReply() {
        assertEquals(Verdict.Kind.ACCEPT, Verdict.accept().kind());
        assertTrue(Verdict.reject().reply().isEmpty());
        assertEquals(Optional.of(new Verdict.Reply(550, "5.7.1", "Spam")), Verdict.reject(550, "5.7.1", "Spam").reply());
        assertEquals(Verdict.Kind.DEFER, Verdict.defer(452, "4.2.2", "Mailbox full").kind());
        assertEquals(Verdict.Kind.DISCONNECT, Verdict.disconnect(421, "4.7.0", "Go away").kind());
    }

    @Test
    void theReplyMustFitTheKind() {
        assertThrows(IllegalArgumentException.class, () -> Verdict.reject(450, "4.0.0", "x"));
        assertThrows(IllegalArgumentException.class, () -> Verdict.defer(550, "5.0.0", "x"));
        assertThrows(IllegalArgumentException.class, () -> new Verdict(Verdict.Kind.ACCEPT, Optional.of(new Verdict.Reply(550, "5.0.0", "x"))));
        assertThrows(IllegalArgumentException.class, () -> Verdict.reject(550, "4.0.0", "x"), "enhanced class differs");
        assertThrows(IllegalArgumentException.class, () -> Verdict.reject(550, "5.7", "x"));
        assertThrows(IllegalArgumentException.class, () -> Verdict.reject(550, "5.7.1", "two\r\nlines"));
    }

    @Test
    void envelopesAndRecipientsAreImmutableAndChecked() {
        Recipient recipient = new Recipient("a@example.test", EnumSet.of(Recipient.Notify.SUCCESS), Optional.empty());
        assertThrows(UnsupportedOperationException.class, () -> recipient.notifyWhen().clear());
        assertThrows(IllegalArgumentException.class, () -> new Recipient("a@example.test",
                EnumSet.of(Recipient.Notify.NEVER, Recipient.Notify.DELAY), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new Envelope("", List.of(), "192.0.2.1", "c.test",
                Optional.empty(), false, Envelope.BodyType.SEVEN_BIT, false, Optional.empty(), Optional.empty()));
        Envelope bounce = new Envelope("", List.of(recipient), "192.0.2.1", "c.test", Optional.empty(), false,
                Envelope.BodyType.SEVEN_BIT, false, Optional.empty(), Optional.empty());
        assertTrue(bounce.nullSender());
    }
}
