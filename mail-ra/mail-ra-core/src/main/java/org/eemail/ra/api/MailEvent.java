// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.api;

/** What the server counts: the outcomes an administrator watches on the dashboard and in metrics. */
public enum MailEvent {
    /** An SMTP connection was opened, on any SMTP listener. */
    SMTP_SESSION,
    /** A POP3 connection was opened. */
    POP3_SESSION,
    /** A message was answered 250 at the end of DATA or BDAT. */
    MESSAGE_ACCEPTED,
    /** A message was refused for good (5xx) at the end of DATA or BDAT. */
    MESSAGE_REJECTED,
    /** A recipient was refused for good (5xx) at RCPT. */
    RECIPIENT_REJECTED,
    /** A copy of a message landed in a local mailbox. */
    DELIVERED_LOCALLY,
    /** A remote server took a recipient (2xx). */
    RELAYED,
    /** A delivery attempt for a recipient failed for now (4xx, no answer, DNS trouble). */
    DEFERRED,
    /** A recipient failed for good and its sender was told, or will be. */
    BOUNCED,
    /** A login (SMTP AUTH, POP3 USER/PASS, AUTH or APOP) failed. */
    AUTH_FAILURE
}
