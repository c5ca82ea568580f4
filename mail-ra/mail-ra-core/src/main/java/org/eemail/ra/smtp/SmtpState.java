// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an SMTP session is in RFC 5321 §4.1.4's command sequence. {@link SmtpVerb} lists the
 * states each verb is allowed in; the session refuses it in any other with one shared 503.
 */
public enum SmtpState {
    /** Connected, no EHLO or HELO yet (and again after STARTTLS, RFC 3207 §4.2). */
    CONNECTED,
    /** EHLO or HELO given, no transaction. */
    GREETED,
    /** MAIL accepted, no recipient yet. */
    MAIL,
    /** At least one recipient accepted. */
    RCPT,
    /** Reading the text after DATA. */
    DATA,
    /** Between BDAT chunks (RFC 3030 §2): only BDAT continues the message. */
    BDAT,
    /** QUIT, or too many errors: nothing more is read. */
    CLOSING;

    /** Every state in which commands are read. */
    public static final Set<SmtpState> ANY = EnumSet.of(CONNECTED, GREETED, MAIL, RCPT, BDAT);
}
