// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.pop3;

import java.util.List;

/**
 * The POP3 replies of this server, with the RFC 2449 §8 response codes where one applies:
 * {@code [AUTH]} for a refused login (RFC 3206), {@code [IN-USE]} for a maildrop another session
 * holds, {@code [SYS/TEMP]} for a failure that may pass.
 */
public final class Pop3Replies {

    public static final Pop3Reply UNKNOWN_COMMAND = Pop3Reply.err("Unknown command");
    public static final Pop3Reply LINE_TOO_LONG = Pop3Reply.err("Line too long");
    public static final Pop3Reply NO_ARGUMENTS_ALLOWED = Pop3Reply.err("Syntax error: no arguments allowed");
    public static final Pop3Reply IDLE_TIMEOUT = Pop3Reply.err("Autologout; idle for too long");
    public static final Pop3Reply SHUTTING_DOWN = Pop3Reply.err("[SYS/TEMP] Server shutting down");
    public static final Pop3Reply WRONG_STATE = Pop3Reply.err("Command not valid in this state");

    public static final Pop3Reply USER_SYNTAX = Pop3Reply.err("Syntax error: USER name");
    public static final Pop3Reply USER_ACCEPTED = Pop3Reply.ok("Send PASS");
    public static final Pop3Reply PASS_WITHOUT_USER = Pop3Reply.err("Give USER first");
    public static final Pop3Reply PASS_SYNTAX = Pop3Reply.err("Syntax error: PASS password");
    public static final Pop3Reply LOGIN_FAILED = Pop3Reply.err("[AUTH] Invalid user name or password");
    public static final Pop3Reply PLAINTEXT_REFUSED =
            Pop3Reply.err("[AUTH] Plaintext authentication is not allowed without TLS; use STLS first");
    public static final Pop3Reply IN_USE = Pop3Reply.err("[IN-USE] Maildrop is locked by another session");
    public static final Pop3Reply TEMPORARY_FAILURE = Pop3Reply.err("[SYS/TEMP] Temporary failure, try again later");
    public static final Pop3Reply APOP_UNAVAILABLE = Pop3Reply.err("APOP is not available");
    public static final Pop3Reply APOP_SYNTAX = Pop3Reply.err("Syntax error: APOP name digest");
    public static final Pop3Reply AUTH_SYNTAX = Pop3Reply.err("Syntax error: AUTH mechanism [initial-response]");
    public static final Pop3Reply UNKNOWN_MECHANISM = Pop3Reply.err("Unsupported authentication mechanism");
    public static final Pop3Reply AUTH_CANCELLED = Pop3Reply.err("Authentication cancelled");
    public static final Pop3Reply BAD_BASE64 = Pop3Reply.err("Invalid base64 data");
    public static final Pop3Challenge EMPTY_CHALLENGE = new Pop3Challenge("");
    public static final Pop3Reply STLS_READY = Pop3Reply.ok("Begin TLS negotiation");
    public static final Pop3Reply TLS_ACTIVE = Pop3Reply.err("Command not permitted when TLS active");

    public static final Pop3Reply NO_SUCH_MESSAGE = Pop3Reply.err("No such message");
    public static final Pop3Reply MESSAGE_DELETED = Pop3Reply.err("Message is deleted");
    public static final Pop3Reply MESSAGE_NUMBER_SYNTAX = Pop3Reply.err("Syntax error: a message number is expected");
    public static final Pop3Reply TOP_SYNTAX = Pop3Reply.err("Syntax error: TOP message lines");
    public static final Pop3Reply MESSAGE_GONE = Pop3Reply.err("[SYS/TEMP] The message no longer exists");
    public static final Pop3Reply TOP_FOLLOWS = Pop3Reply.ok("Top of message follows");
    public static final Pop3Reply NOOP = Pop3Reply.ok("");
    public static final Pop3Reply NOT_ALL_DELETED = Pop3Reply.err("[SYS/TEMP] Some deleted messages not removed");

    private Pop3Replies() {
    }

    public static Pop3Reply greeting(String hostname) {
        return Pop3Reply.ok(hostname + " POP3 server ready");
    }

    /** RFC 1939 §7: the greeting that carries the timestamp APOP digests. */
    public static Pop3Reply greeting(String hostname, String apopTimestamp) {
        return Pop3Reply.ok(hostname + " POP3 server ready " + apopTimestamp);
    }

    public static Pop3Reply signingOff(String hostname) {
        return Pop3Reply.ok(hostname + " POP3 server signing off");
    }

    public static Pop3Reply signingOff(String hostname, int left) {
        return Pop3Reply.ok(hostname + " POP3 server signing off (" + left + " messages left)");
    }

    /** RFC 1939 §7 PASS, §5 RSET: the maildrop's size. */
    public static Pop3Reply maildrop(MessageList messages) {
        return Pop3Reply.ok("Maildrop has " + messages.count() + " messages (" + messages.octets() + " octets)");
    }

    /** RFC 1939 §5 STAT: the drop listing, exactly two numbers. */
    public static Pop3Reply dropListing(MessageList messages) {
        return Pop3Reply.ok(messages.count() + " " + messages.octets());
    }

    /** RFC 1939 §5 LIST n and UIDL n: the number, then the size or unique id. */
    public static Pop3Reply scanListing(int number, Object value) {
        return Pop3Reply.ok(number + " " + value);
    }

    public static Pop3MultiLineReply listing(String text, List<String> lines) {
        return new Pop3MultiLineReply(text, lines);
    }

    public static Pop3Reply messageFollows(long octets) {
        return Pop3Reply.ok(octets + " octets");
    }

    public static Pop3Reply deleted(int number) {
        return Pop3Reply.ok("Message " + number + " deleted");
    }
}
