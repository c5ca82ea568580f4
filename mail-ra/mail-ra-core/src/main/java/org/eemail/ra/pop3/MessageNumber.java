// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.pop3;

import org.eemail.ra.api.MaildropEntry;

/**
 * The message-number argument of LIST, UIDL, TOP, RETR and DELE (RFC 1939 §5): a decimal number
 * of a message that exists in the session's list and is not marked as deleted.
 */
public final class MessageNumber {

    private MessageNumber() {
    }

    /** The number {@code text} gives, checked against the session's list. */
    public static int parse(Pop3Session session, String text) throws Pop3Refusal {
        int number = decimal(text, Pop3Replies.MESSAGE_NUMBER_SYNTAX);
        MessageList messages = session.messages();
        if (!messages.exists(number)) {
            throw new Pop3Refusal(Pop3Replies.NO_SUCH_MESSAGE);
        }
        if (messages.isDeleted(number)) {
            throw new Pop3Refusal(Pop3Replies.MESSAGE_DELETED);
        }
        return number;
    }

    /** The message {@code text} names. */
    public static MaildropEntry message(Pop3Session session, String text) throws Pop3Refusal {
        return session.messages().message(parse(session, text)).orElseThrow();
    }

    /** A non-negative decimal number of at most nine digits, or {@code refusal}. */
    public static int decimal(String text, Pop3Reply refusal) throws Pop3Refusal {
        if (text.isEmpty() || text.length() > 9) {
            throw new Pop3Refusal(refusal);
        }
        int number = 0;
        for (int i = 0; i < text.length(); i++) {
            char digit = text.charAt(i);
            if (digit < '0' || digit > '9') {
                throw new Pop3Refusal(refusal);
            }
            number = number * 10 + (digit - '0');
        }
        return number;
    }
}
