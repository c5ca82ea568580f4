// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.config;

import java.time.Duration;

/**
 * The listeners of the server, with the property that sets each one's port and its default.
 * The defaults are unprivileged ports; production uses 25, 587, 465, 110 and 995.
 */
public enum Listener {
    SMTP("smtp", Protocol.SMTP, "mail.smtp.port", 2525, TlsMode.STARTTLS),
    SUBMISSION("submission", Protocol.SMTP, "mail.submission.port", 2587, TlsMode.STARTTLS),
    SMTPS("smtps", Protocol.SMTP, "mail.smtps.port", 2465, TlsMode.IMPLICIT),
    POP3("pop3", Protocol.POP3, "mail.pop3.port", 1110, TlsMode.STARTTLS),
    POP3S("pop3s", Protocol.POP3, "mail.pop3s.port", 1995, TlsMode.IMPLICIT);

    /** RFC 5321 §4.5.3.2.7 asks servers to wait at least 5 minutes for the next command. */
    private static final Duration SMTP_IDLE_TIMEOUT = Duration.ofMinutes(5);
    /** RFC 1939 §3: an autologout timer of at least 10 minutes. */
    private static final Duration POP3_IDLE_TIMEOUT = Duration.ofMinutes(10);

    private final String label;
    private final Protocol protocol;
    private final String portProperty;
    private final int defaultPort;
    private final TlsMode tls;

    Listener(String label, Protocol protocol, String portProperty, int defaultPort, TlsMode tls) {
        this.label = label;
        this.protocol = protocol;
        this.portProperty = portProperty;
        this.defaultPort = defaultPort;
        this.tls = tls;
    }

    public String label() {
        return label;
    }

    public Protocol protocol() {
        return protocol;
    }

    public String portProperty() {
        return portProperty;
    }

    /**
     * The property that names the port clients should use when it is not the bound one:
     * {@code mail.smtps.public-port} beside {@code mail.smtps.port}.
     */
    public String publicPortProperty() {
        return portProperty.replace(".port", ".public-port");
    }

    public int defaultPort() {
        return defaultPort;
    }

    public TlsMode tls() {
        return tls;
    }

    public Duration idleTimeout() {
        return protocol == Protocol.SMTP ? SMTP_IDLE_TIMEOUT : POP3_IDLE_TIMEOUT;
    }
}
