// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.rest;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;
import org.eemail.ejb.mime.MessageSummary;

/**
 * What the console shows of a message: its header fields decoded, and its text. Everything in
 * it came from the sender: untrusted text, to be escaped when shown.
 *
 * @param text          the first text/plain part, or the HTML part as plain text; {@code null} when none
 * @param textTruncated whether the text was cut at 100,000 characters
 */
@JsonbNillable
public record MessageSummaryView(List<Header> headers, String text, boolean textTruncated) {

    /** One header field, unfolded and decoded. */
    public record Header(String name, String value) {
    }

    static MessageSummaryView of(MessageSummary summary) {
        return new MessageSummaryView(summary.headers().stream().map(f -> new Header(f.name(), f.value())).toList(),
                summary.text(), summary.textTruncated());
    }
}
