// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.bounce;

/** What a delivery status notification reports (RFC 3464 §2.3.3 Action), with its wording. */
public enum DsnAction {
    /** Given up on: a bounce. */
    FAILED("failed", "Undelivered Mail Returned to Sender",
            "Your message could not be delivered to one or more recipients."),
    /** Still being retried (NOTIFY=DELAY). */
    DELAYED("delayed", "Delayed Mail (still being retried)",
            "Your message could not be delivered yet to one or more recipients; it will be tried again."),
    /** Handed to a server that does not offer DSN, so no more reports will come (NOTIFY=SUCCESS). */
    RELAYED("relayed", "Successful Mail Delivery Report",
            "Your message was delivered to the next server, which sends no further delivery reports.");

    private final String field;
    private final String subject;
    private final String explanation;

    DsnAction(String field, String subject, String explanation) {
        this.field = field;
        this.subject = subject;
        this.explanation = explanation;
    }

    /** The Action field's value. */
    public String field() {
        return field;
    }

    public String subject() {
        return subject;
    }

    public String explanation() {
        return explanation;
    }
}
