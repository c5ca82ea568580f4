// SPDX-License-Identifier: Apache-2.0
package org.eemail.examples.echo;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eemail.api.MailConsumer;
import org.eemail.api.MailEnvelope;
import org.eemail.api.ReceivedMessage;

/**
 * Answers mail to {@code echo@} any of the server's domains with an RFC 3834 auto-reply. The
 * address needs no account: the bean consumes it. The reply goes out through the server's own
 * SMTP listener (configuration {@code echo.smtp.host}, {@code echo.smtp.port}, and
 * {@code echo.smtp.user}/{@code echo.smtp.password} when the reply must be relayed to another
 * domain), from the null sender, so that no bounce or auto-reply can answer it in turn.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "consumerName", propertyValue = "echo"),
    @ActivationConfigProperty(propertyName = "recipient", propertyValue = "echo@*"),
    @ActivationConfigProperty(propertyName = "consumes", propertyValue = "true")
})
public class EchoConsumer implements MailConsumer {

    private static final Logger LOG = System.getLogger(EchoConsumer.class.getName());

    @Override
    public void onMail(MailEnvelope envelope, ReceivedMessage message) {
        try {
            MimeMessage original = message.mime();
            Optional<String> refusal = AutoReply.refusal(envelope, original);
            if (refusal.isPresent()) {
                LOG.log(Level.INFO, "No auto-reply to message " + message.id() + ": " + refusal.get());
                return;
            }
            Session session = session();
            MimeMessage reply = AutoReply.to(envelope, original, envelope.recipients().get(0), session);
            Config config = ConfigProvider.getConfig();
            Optional<String> user = config.getOptionalValue("echo.smtp.user", String.class);
            if (user.isPresent()) {
                Transport.send(reply, user.get(), config.getValue("echo.smtp.password", String.class));
            } else {
                Transport.send(reply);
            }
            LOG.log(Level.INFO, "Auto-reply to " + envelope.sender() + " for message " + message.id());
        } catch (MessagingException e) {
            // Thrown on: the transaction rolls back and the server calls again later.
            throw new IllegalStateException("cannot send the auto-reply to " + envelope.sender(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Session session() {
        Config config = ConfigProvider.getConfig();
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", config.getOptionalValue("echo.smtp.host", String.class).orElse("127.0.0.1"));
        properties.setProperty("mail.smtp.port", config.getOptionalValue("echo.smtp.port", String.class).orElse("25"));
        properties.setProperty("mail.smtp.auth", Boolean.toString(config.getOptionalValue("echo.smtp.user", String.class).isPresent()));
        // RFC 3834 §3.3: auto-replies come from the null reverse-path.
        properties.setProperty("mail.smtp.from", "<>");
        properties.setProperty("mail.smtp.connectiontimeout", "10000");
        properties.setProperty("mail.smtp.timeout", "30000");
        return Session.getInstance(properties);
    }
}
