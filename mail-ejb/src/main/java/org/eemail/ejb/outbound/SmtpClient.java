// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.outbound;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.InternetAddress;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.eemail.ejb.domain.DsnReturn;
import org.eemail.ejb.store.ClaimedEntry;
import org.eemail.ejb.store.ContentReader;

/**
 * Delivers messages for one destination over SMTP with Angus Mail's {@link SMTPTransport}: tries
 * the hosts in order (the next one on a refused connection or a greeting other than 220), then
 * sends every message over the one connection, which it parks in {@link SmtpConnections} for the
 * next delivery to that host when it is still usable. EHLO with this server's name, STARTTLS when
 * offered (required for a smart host configured so), the envelope sender kept ({@code <>} for
 * bounces), DSN parameters passed on when the server supports DSN, SIZE and BODY=8BITMIME
 * declared when it supports them. The octets go out exactly as stored.
 */
public final class SmtpClient {

    private static final Logger LOG = Logger.getLogger(SmtpClient.class.getName());
    /** How far into a message its Received fields are counted. */
    private static final int HEADER_SCAN = 64 * 1024;

    /** Streams a stored message's content to a reader inside a transaction (QueueStore). */
    @FunctionalInterface
    public interface ContentSource {
        <T> T withContent(long storedMessageId, ContentReader<T> reader) throws IOException;
    }

    private final OutboundSettings settings;
    private final SmtpConnections connections;
    private final ContentSource contents;

    /** A client whose connections are closed after each delivery. */
    public SmtpClient(OutboundSettings settings, ContentSource contents) {
        this(settings, new SmtpConnections(properties(settings)), contents);
    }

    /** A client that takes and parks connections in {@code connections}, made with {@link #properties}. */
    public SmtpClient(OutboundSettings settings, SmtpConnections connections, ContentSource contents) {
        this.settings = settings;
        this.connections = connections;
        this.contents = contents;
    }

    /**
     * @param hosts    where to connect, in order
     * @param port     the port on each
     * @param messages the recipients of each message, all for this destination
     */
    public List<RecipientResult> deliver(List<MailHost> hosts, int port, List<List<ClaimedEntry>> messages) {
        Optional<OutboundSettings.RelayHost> relay = settings.relay();
        String lastFailure = "451 4.4.1 No host to connect to";
        for (MailHost host : hosts) {
            for (String target : targets(host, relay.isPresent())) {
                String key = host.name() + " [" + target + "]:" + port;
                Optional<SMTPTransport> parked = connections.take(key);
                SMTPTransport transport;
                if (parked.isPresent()) {
                    transport = parked.get();
                } else {
                    transport = new SMTPTransport(connections.session(), new URLName("smtp", null, -1, null, null, null));
                    try {
                        transport.connect(target, port, relay.flatMap(r -> r.username()).orElse(null),
                                relay.flatMap(r -> r.password()).orElse(null));
                    } catch (MessagingException e) {
                        lastFailure = "451 4.4.1 " + host.name() + " [" + target + "]: " + oneLine(e);
                        LOG.fine(lastFailure);
                        continue;
                    }
                }
                List<RecipientResult> results = new ArrayList<>();
                boolean usable = false;
                try {
                    usable = sendAll(transport, host.name(), messages, results);
                } finally {
                    if (usable) {
                        connections.park(key, transport);
                    } else {
                        SmtpConnections.close(transport);
                    }
                }
                return results;
            }
        }
        String reason = lastFailure;
        return messages.stream().flatMap(List::stream).map(entry -> RecipientResult.noReply(entry, reason)).toList();
    }

    /**
     * MX hosts by the addresses dnsjava found, so the JVM's resolver is not asked; a smart host by
     * its name, which its certificate is checked against when TLS is required.
     */
    private static List<String> targets(MailHost host, boolean relay) {
        return relay ? List.of(host.name()) : host.addresses().stream().map(InetAddress::getHostAddress).toList();
    }

    /**
     * Sends every message over {@code transport}, adding each recipient's result; false when the
     * connection was lost. Angus's {@code isConnected()} costs a NOOP round trip, so it is asked
     * only after a send that did not succeed for every recipient.
     */
    private boolean sendAll(SMTPTransport transport, String host, List<List<ClaimedEntry>> messages,
                            List<RecipientResult> results) {
        String broken = null;
        for (List<ClaimedEntry> recipients : messages) {
            if (broken != null) {
                String reason = broken;
                recipients.forEach(entry -> results.add(RecipientResult.noReply(entry, reason)));
                continue;
            }
            List<RecipientResult> sent = send(connections.session(), transport, host, recipients);
            results.addAll(sent);
            if (sent.stream().anyMatch(r -> r.code() < 200 || r.code() >= 300) && !transport.isConnected()) {
                broken = "451 4.4.2 Connection to " + host + " lost";
            }
        }
        return broken == null;
    }

    private List<RecipientResult> send(Session session, SMTPTransport transport, String host,
                                       List<ClaimedEntry> recipients) {
        ClaimedEntry first = recipients.get(0);
        boolean dsn = transport.supportsExtension("DSN");
        List<Address> addresses = recipients.stream().<Address>map(entry -> rcptArgument(entry, dsn)).toList();
        try {
            return contents.withContent(first.storedMessageId(), stored -> {
                BufferedInputStream content = new BufferedInputStream(stored, HEADER_SCAN);
                content.mark(HEADER_SCAN);
                if (ReceivedHeaders.count(content, HEADER_SCAN) > ReceivedHeaders.LOOP_LIMIT) {
                    return recipients.stream().map(entry -> RecipientResult.permanent(entry,
                            "554 5.4.6 Mail loop: more than " + ReceivedHeaders.LOOP_LIMIT + " Received headers")).toList();
                }
                content.reset();
                RawMessage message = envelope(new RawMessage(session, content), first, transport, dsn);
                try {
                    transport.sendMessage(message, addresses.toArray(Address[]::new));
                    return SendResults.of(addresses, recipients, null, transport.getLastServerResponse(), host, dsn);
                } catch (MessagingException e) {
                    return SendResults.of(addresses, recipients, e, transport.getLastServerResponse(), host, dsn);
                }
            });
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Delivery of message " + first.storedMessageId() + " to " + host + " failed", e);
            return recipients.stream().map(entry -> RecipientResult.noReply(entry, "451 4.3.0 " + e)).toList();
        }
    }

    private RawMessage envelope(RawMessage message, ClaimedEntry first, SMTPTransport transport, boolean dsn) {
        message.setEnvelopeFrom(first.sender().isEmpty() ? "<>" : first.sender());
        List<String> parameters = new ArrayList<>();
        if (transport.supportsExtension("SIZE")) {
            parameters.add("SIZE=" + first.size());
        }
        if (transport.supportsExtension("8BITMIME")) {
            // 7-bit text is valid 8BITMIME too; the original's BODY is not kept.
            parameters.add("BODY=8BITMIME");
        }
        if (dsn) {
            if (first.dsnReturn() != null) {
                message.setReturnOption(first.dsnReturn() == DsnReturn.FULL ? SMTPMessage.RETURN_FULL : SMTPMessage.RETURN_HDRS);
            }
            if (first.envelopeId() != null) {
                parameters.add("ENVID=" + first.envelopeId());
            }
        }
        message.setMailExtension(String.join(" ", parameters));
        return message;
    }

    /**
     * The RCPT argument. Angus sends one NOTIFY for all recipients of a message and no ORCPT, so
     * with DSN the per-recipient parameters ride in the address, which Angus sends as given when
     * it starts with "<"; NOTIFY last, so the argument never ends as an address group does (";").
     */
    static InternetAddress rcptArgument(ClaimedEntry entry, boolean dsn) {
        StringBuilder argument = new StringBuilder("<").append(entry.recipient()).append('>');
        if (dsn && entry.originalRecipient() != null) {
            argument.append(" ORCPT=").append(entry.originalRecipient());
        }
        if (dsn && entry.dsnNotify() != null) {
            argument.append(" NOTIFY=").append(entry.dsnNotify());
        }
        InternetAddress address = new InternetAddress();
        address.setAddress(argument.toString());
        return address;
    }

    /** The Angus session properties for {@code settings}. */
    public static Properties properties(OutboundSettings settings) {
        Optional<OutboundSettings.RelayHost> relay = settings.relay();
        Properties properties = new Properties();
        properties.put("mail.smtp.localhost", settings.hostname());
        properties.put("mail.smtp.connectiontimeout", String.valueOf(settings.connectTimeout().toMillis()));
        properties.put("mail.smtp.timeout", String.valueOf(settings.timeout().toMillis()));
        properties.put("mail.smtp.reportsuccess", "true");
        properties.put("mail.smtp.sendpartial", "true");
        properties.put("mail.smtp.starttls.enable", "true");
        properties.put("mail.smtp.ssl.protocols", "TLSv1.2 TLSv1.3");
        boolean required = relay.map(OutboundSettings.RelayHost::tlsRequired).orElse(false);
        if (required) {
            properties.put("mail.smtp.starttls.required", "true");
            properties.put("mail.smtp.ssl.checkserveridentity", "true");
        } else {
            // Opportunistic TLS (RFC 7435): encrypt when offered, whatever the certificate, as MTAs do.
            properties.put("mail.smtp.ssl.trust", "*");
            properties.put("mail.smtp.ssl.checkserveridentity", "false");
        }
        relay.flatMap(OutboundSettings.RelayHost::username).ifPresent(user -> properties.put("mail.smtp.auth", "true"));
        return properties;
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return message.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
