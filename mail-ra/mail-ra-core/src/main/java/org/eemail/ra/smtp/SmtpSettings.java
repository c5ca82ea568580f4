// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp;

import java.util.List;
import java.util.Objects;

/**
 * The limits and policy of one SMTP listener.
 *
 * @param hostname        the server's name in the greeting, EHLO and {@code Received:}
 * @param maxMessageSize  the largest message in octets (RFC 1870 SIZE)
 * @param maxRecipients   the most recipients per message (RFC 5321 §4.5.3.1.8 asks for at least 100)
 * @param maxErrors       the permanent errors (5xx replies to commands) a client may make; the
 *                        next one closes the session with 421
 * @param listener        what the listener is for
 * @param trustedNetworks clients that may relay without authenticating
 */
public record SmtpSettings(String hostname, long maxMessageSize, int maxRecipients, int maxErrors,
                           ListenerKind listener, List<CidrBlock> trustedNetworks) {

    public static final long DEFAULT_MAX_MESSAGE_SIZE = 25L * 1024 * 1024;
    public static final int DEFAULT_MAX_RECIPIENTS = 100;
    public static final int DEFAULT_MAX_ERRORS = 10;

    /** The kinds of SMTP listener (RFC 6409, RFC 8314). */
    public enum ListenerKind {
        /** Mail from other servers (port 25): relaying needs AUTH or a trusted network. */
        MTA,
        /** Message submission (port 587, RFC 6409): MAIL needs AUTH. */
        SUBMISSION,
        /** Submission over implicit TLS (port 465, RFC 8314): MAIL needs AUTH, no STARTTLS. */
        SMTPS;

        public boolean requiresAuth() {
            return this != MTA;
        }
    }

    public SmtpSettings {
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(listener, "listener");
        trustedNetworks = List.copyOf(trustedNetworks);
        if (maxMessageSize < 1 || maxRecipients < 1 || maxErrors < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** The default limits on an MTA listener without trusted networks. */
    public static SmtpSettings defaults(String hostname) {
        return new SmtpSettings(hostname, DEFAULT_MAX_MESSAGE_SIZE, DEFAULT_MAX_RECIPIENTS, DEFAULT_MAX_ERRORS,
                ListenerKind.MTA, List.of());
    }

    public SmtpSettings withListener(ListenerKind kind) {
        return new SmtpSettings(hostname, maxMessageSize, maxRecipients, maxErrors, kind, trustedNetworks);
    }

    public SmtpSettings withLimits(long messageSize, int recipients, int errors) {
        return new SmtpSettings(hostname, messageSize, recipients, errors, listener, trustedNetworks);
    }

    public SmtpSettings withTrustedNetworks(List<CidrBlock> networks) {
        return new SmtpSettings(hostname, maxMessageSize, maxRecipients, maxErrors, listener, networks);
    }

    /** Whether {@code clientAddress} is in one of the trusted networks. */
    public boolean trusts(String clientAddress) {
        return trustedNetworks.stream().anyMatch(block -> block.contains(clientAddress));
    }
}
