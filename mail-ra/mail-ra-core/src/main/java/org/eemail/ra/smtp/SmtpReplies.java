// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp;

import java.util.ArrayList;
import java.util.List;
import org.eemail.ra.api.Verdict;

/**
 * The SMTP replies of this server (RFC 5321 §4.2), with their RFC 3463 enhanced status codes
 * (RFC 2034). The only place in {@code ra.smtp} where reply codes are written.
 */
public final class SmtpReplies {

    public static final SmtpReply OK = new SmtpReply(250, "2.0.0", "OK");
    public static final SmtpReply SENDER_OK = new SmtpReply(250, "2.1.0", "Sender OK");
    public static final SmtpReply RECIPIENT_OK = new SmtpReply(250, "2.1.5", "Recipient OK");
    /** RFC 5321 §4.1.1.4: the 354 of DATA; intermediate, so no enhanced code. */
    public static final SmtpReply START_MAIL_INPUT = new SmtpReply(354, null, "End data with <CR><LF>.<CR><LF>");
    public static final SmtpReply READY_FOR_TLS = new SmtpReply(220, "2.0.0", "Ready to start TLS");
    public static final SmtpReply CANNOT_VRFY = new SmtpReply(252, "2.5.2",
            "Cannot VRFY user, but will accept message and attempt delivery");
    public static final SmtpReply AUTH_SUCCEEDED = new SmtpReply(235, "2.7.0", "Authentication successful");

    public static final SmtpReply TEMPORARY_FAILURE = new SmtpReply(451, "4.3.0", "Temporary failure, try again later");
    public static final SmtpReply AUTH_TEMPORARY_FAILURE = new SmtpReply(454, "4.7.0", "Temporary authentication failure");
    public static final SmtpReply MAILBOX_FULL = new SmtpReply(452, "4.2.2", "Mailbox full");
    public static final SmtpReply TOO_MANY_RECIPIENTS = new SmtpReply(452, "4.5.3", "Too many recipients");

    public static final SmtpReply UNRECOGNIZED = new SmtpReply(500, "5.5.1", "Command unrecognized");
    public static final SmtpReply EMPTY_COMMAND = new SmtpReply(500, "5.5.2", "Syntax error: empty command");
    public static final SmtpReply LINE_TOO_LONG = new SmtpReply(500, "5.5.2", "Line too long");
    public static final SmtpReply NUL_IN_COMMAND = new SmtpReply(500, "5.5.2", "Syntax error: NUL in command");
    public static final SmtpReply NO_PARAMETERS_ALLOWED = new SmtpReply(501, "5.5.4", "Syntax error: no parameters allowed");
    public static final SmtpReply SYNTAX_ERROR = new SmtpReply(501, "5.5.4", "Syntax error in parameters or arguments");
    public static final SmtpReply BAD_HELO = new SmtpReply(501, "5.5.4", "Syntax error: a domain or address literal is required");
    public static final SmtpReply BAD_SENDER = new SmtpReply(501, "5.1.7", "Bad sender address syntax");
    public static final SmtpReply BAD_RECIPIENT = new SmtpReply(501, "5.1.3", "Bad recipient address syntax");
    public static final SmtpReply AUTH_CANCELLED = new SmtpReply(501, "5.0.0", "Authentication cancelled");
    public static final SmtpReply BAD_BASE64 = new SmtpReply(501, "5.5.2", "Cannot decode the base64 response");
    public static final SmtpReply BAD_SEQUENCE = new SmtpReply(503, "5.5.1", "Bad sequence of commands");
    public static final SmtpReply UNKNOWN_MECHANISM = new SmtpReply(504, "5.5.4", "Unrecognized authentication mechanism");
    public static final SmtpReply AUTH_REQUIRED = new SmtpReply(530, "5.7.0", "Authentication required");
    public static final SmtpReply TLS_REQUIRED = new SmtpReply(530, "5.7.0", "Must issue a STARTTLS command first");
    public static final SmtpReply AUTH_FAILED = new SmtpReply(535, "5.7.8", "Authentication credentials invalid");
    public static final SmtpReply UNKNOWN_USER = new SmtpReply(550, "5.1.1", "Recipient address rejected: user unknown");
    public static final SmtpReply BARE_LINE_ENDING = new SmtpReply(550, "5.6.0",
            "Message refused: a bare CR or LF (lines must end with CRLF)");
    public static final SmtpReply MESSAGE_TOO_LARGE = new SmtpReply(552, "5.3.4", "Message size exceeds fixed maximum message size");
    public static final SmtpReply OVER_QUOTA = new SmtpReply(552, "5.2.2", "Message exceeds the recipient's remaining quota");
    public static final SmtpReply SENDER_NOT_OWNED = new SmtpReply(553, "5.7.1", "Sender address not owned by the authenticated user");
    public static final SmtpReply ROUTING_REFUSED = new SmtpReply(553, "5.7.1",
            "Address refused: source routes, % and ! addressing are not accepted");
    public static final SmtpReply NEEDS_SMTPUTF8 = new SmtpReply(553, "5.6.7", "Non-ASCII address requires SMTPUTF8");
    public static final SmtpReply RELAY_DENIED = new SmtpReply(554, "5.7.1", "Relay access denied");
    public static final SmtpReply REJECTED = new SmtpReply(554, "5.0.0", "Message rejected");
    public static final SmtpReply UNSUPPORTED_PARAMETER = new SmtpReply(555, "5.5.4", "Parameter not recognized or not implemented");

    private SmtpReplies() {
    }

    /** RFC 5321 §4.3.1: the greeting names the server; no enhanced code (RFC 2034 §3). */
    public static SmtpReply greeting(String hostname) {
        return new SmtpReply(220, null, hostname + " ESMTP");
    }

    public static SmtpReply closing(String hostname) {
        return new SmtpReply(221, "2.0.0", hostname + " Service closing transmission channel");
    }

    public static SmtpReply idleTimeout(String hostname) {
        return new SmtpReply(421, "4.4.2", hostname + " Error: timeout exceeded");
    }

    public static SmtpReply shuttingDown(String hostname) {
        return new SmtpReply(421, "4.3.2", hostname + " Service shutting down, closing transmission channel");
    }

    public static SmtpReply tooManyErrors(String hostname) {
        return new SmtpReply(421, "4.7.0", hostname + " Too many errors, closing transmission channel");
    }

    /** The standard reply to a {@link Verdict.Kind#DISCONNECT} without its own. */
    public static SmtpReply disconnecting(String hostname) {
        return new SmtpReply(421, "4.3.0", hostname + " Closing transmission channel");
    }

    /** RFC 5321 §4.1.1.1: HELO names the server; no enhanced code on HELO/EHLO (RFC 2034 §3). */
    public static SmtpReply helo(String hostname) {
        return new SmtpReply(250, null, hostname);
    }

    /** RFC 5321 §4.1.1.1: the EHLO reply, the server's name and then one extension per line. */
    public static SmtpReply ehlo(String hostname, List<String> keywords) {
        List<String> lines = new ArrayList<>();
        lines.add(hostname);
        lines.addAll(keywords);
        return new SmtpReply(250, null, lines);
    }

    public static SmtpReply help(List<String> verbs) {
        return new SmtpReply(214, "2.0.0", List.of("Commands: " + String.join(" ", verbs),
                "See RFC 5321 for details"));
    }

    /** RFC 4954 §4: a 334 continuation carries a base64 challenge and no enhanced code. */
    public static SmtpReply authChallenge(String base64) {
        return new SmtpReply(334, null, base64);
    }

    public static SmtpReply accepted(String messageId) {
        return new SmtpReply(250, "2.0.0", "OK: queued as " + messageId);
    }

    /** RFC 3030 §2: the reply to a BDAT chunk that is not the last. */
    public static SmtpReply chunkReceived(long octets) {
        return new SmtpReply(250, "2.0.0", octets + " octets received");
    }

    /** The reply an application chose in its {@link Verdict}. */
    /** The reply to a refusing verdict of the applications' policies: theirs, or the standard one. */
    public static SmtpReply refusal(Verdict verdict) {
        return verdict.reply().map(SmtpReplies::of)
                .orElse(verdict.kind() == Verdict.Kind.DEFER ? TEMPORARY_FAILURE : REJECTED);
    }

    public static SmtpReply of(Verdict.Reply reply) {
        return new SmtpReply(reply.code(), reply.enhanced(), reply.text());
    }
}
