// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessageIdHeaderTest {

    @Test
    void findsTheFieldWhateverItsCase() {
        assertEquals("<a@b.example>", find("From: x@y.example\r\nmessage-ID:  <a@b.example> \r\n\r\nbody\r\n"));
    }

    @Test
    void unfoldsAFoldedValue() {
        assertEquals("<long@b.example>", find("Message-ID:\r\n <long@b.example>\r\nSubject: s\r\n\r\n"));
    }

    @Test
    void takesTheFirstOfTwo() {
        assertEquals("<1@b>", find("Message-ID: <1@b>\r\nMessage-ID: <2@b>\r\n\r\n"));
    }

    @Test
    void acceptsBareLineFeeds() {
        assertEquals("<lf@b>", find("Subject: s\nMessage-ID: <lf@b>\n\nbody"));
    }

    @Test
    void ignoresTheBody() {
        assertNull(find("Subject: s\r\n\r\nMessage-ID: <in-body@b>\r\n"));
    }

    @Test
    void ignoresAFoldedLineThatOnlyLooksLikeTheField() {
        assertNull(find("Subject: s\r\n Message-ID: <folded@b>\r\n\r\n"));
    }

    @Test
    void findsNothingInAMessageWithoutIt() {
        assertNull(find("Subject: s\r\n\r\n"));
        assertNull(find(""));
        assertNull(find("Message-ID:   \r\n\r\n"));
    }

    @Test
    void readsAMessageThatIsAllHeader() {
        assertEquals("<end@b>", find("Subject: s\r\nMessage-ID: <end@b>"));
    }

    @Test
    void distrustsAValueCutByTheSearchLimit() {
        byte[] head = "Subject: s\r\nMessage-ID: <cut-her".getBytes(StandardCharsets.US_ASCII);
        assertNull(MessageIdHeader.find(head, false));
        byte[] whole = "Message-ID: <whole@b>\r\nSubject: cut-her".getBytes(StandardCharsets.US_ASCII);
        assertEquals("<whole@b>", MessageIdHeader.find(whole, false));
    }

    @Test
    void dropsAValueTooLongToStore() {
        assertNull(find("Message-ID: <" + "x".repeat(1000) + "@b>\r\n\r\n"));
    }

    private static String find(String message) {
        return MessageIdHeader.find(message.getBytes(StandardCharsets.UTF_8), true);
    }
}
