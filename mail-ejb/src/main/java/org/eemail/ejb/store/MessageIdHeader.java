// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eemail.ejb.domain.StoredMessage;

/**
 * Finds the Message-ID field (RFC 5322 §3.6.4) in the first octets of a message, so that it can
 * be stored for searching without parsing the whole message: the header section is read from a
 * bounded prefix, and a Message-ID beyond that prefix is not found.
 */
final class MessageIdHeader {

    /** How much of a message is searched: header sections are rarely over a few kilobytes. */
    static final int SEARCH_LIMIT = 64 * 1024;

    private static final String NAME = "message-id";

    private MessageIdHeader() {
    }

    /**
     * The unfolded, trimmed value of the first Message-ID field in {@code head}, or {@code null}
     * when there is none, it is empty, or it is too long to store.
     *
     * @param head     the first octets of the message
     * @param complete whether {@code head} is the whole message; if not, a last line without its
     *                 line ending may be cut short and is ignored
     */
    static String find(byte[] head, boolean complete) {
        String[] lines = new String(head, StandardCharsets.UTF_8).split("\r?\n", -1);
        StringBuilder value = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean cut = !complete && i == lines.length - 1;
            boolean folded = !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
            if (value != null) {
                if (cut && (folded || line.isEmpty())) {
                    return null;
                }
                if (!folded) {
                    return result(value);
                }
                value.append(line);
            } else if (cut || line.isEmpty()) {
                return null;
            } else if (!folded && isMessageId(line)) {
                value = new StringBuilder(line.substring(line.indexOf(':') + 1));
            }
        }
        return value == null ? null : result(value);
    }

    private static boolean isMessageId(String line) {
        int colon = line.indexOf(':');
        return colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(NAME);
    }

    private static String result(StringBuilder value) {
        String trimmed = value.toString().trim();
        return trimmed.isEmpty() || trimmed.length() > StoredMessage.MAX_MESSAGE_ID ? null : trimmed;
    }
}
