// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import java.io.InputStream;
import java.util.List;
import org.eemail.ejb.domain.DsnReturn;
import org.eemail.ejb.domain.QueueEntry;
import org.eemail.ejb.domain.StoredMessage;

/**
 * A message the SMTP server has received and wants stored: the envelope as the client gave it and
 * the octets after DATA (or BDAT), not yet read. The stream is read once, by
 * {@link MessageStore#accept}, and must deliver exactly {@code length} octets.
 *
 * @param sender      the MAIL FROM reverse-path without angle brackets, {@code ""} for the null sender
 * @param recipients  the RCPT TO recipients in the order given that get a mailbox or the queue;
 *                    empty when application consumers take them all
 * @param dsnReturn   RET (RFC 3461 §4.3), or {@code null} when not given
 * @param envelopeId  ENVID as given (xtext, RFC 3461 §4.4), or {@code null}
 * @param traceHeader the trace fields to put on top, such as {@code "Received: ...\r\n"}: complete
 *                    lines ending in CRLF, or empty
 * @param content     the original octets, dot-unstuffed
 * @param length      how many octets {@code content} holds
 */
public record IncomingMessage(String sender, List<Recipient> recipients, DsnReturn dsnReturn, String envelopeId,
                              String traceHeader, InputStream content, long length) {

    /**
     * A recipient as given at RCPT TO.
     *
     * @param address           the forward-path without angle brackets
     * @param dsnNotify         NOTIFY as given (RFC 3461 §4.1), such as {@code "SUCCESS,FAILURE"}, or
     *                          {@code null}
     * @param originalRecipient ORCPT as given (RFC 3461 §4.2), such as {@code "rfc822;a@b.example"},
     *                          or {@code null}
     */
    public record Recipient(String address, String dsnNotify, String originalRecipient) {

        public Recipient {
            requireText(address, "recipient");
            requireAtMost(dsnNotify, QueueEntry.MAX_NOTIFY, "NOTIFY");
            requireAtMost(originalRecipient, QueueEntry.MAX_ORIGINAL_RECIPIENT, "ORCPT");
        }

        /** A recipient without DSN parameters. */
        public static Recipient of(String address) {
            return new Recipient(address, null, null);
        }
    }

    /** Checks what would otherwise fail later in the database or forge a header. */
    public IncomingMessage {
        if (sender == null || sender.chars().anyMatch(c -> c == '\r' || c == '\n' || c == '<' || c == '>')) {
            throw new IllegalArgumentException("sender must be a bare address or empty: " + sender);
        }
        if (recipients == null) {
            throw new IllegalArgumentException("recipients are required (empty when applications consume them all)");
        }
        recipients = List.copyOf(recipients);
        requireAtMost(envelopeId, StoredMessage.MAX_ENVELOPE_ID, "ENVID");
        if (traceHeader == null || !(traceHeader.isEmpty() || traceHeader.endsWith("\r\n"))) {
            throw new IllegalArgumentException("trace header must be empty or end with CRLF");
        }
        if (content == null || length < 0) {
            throw new IllegalArgumentException("content and a length of at least 0 are required");
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    private static void requireAtMost(String value, int max, String name) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException(name + " longer than " + max + " characters");
        }
    }
}
