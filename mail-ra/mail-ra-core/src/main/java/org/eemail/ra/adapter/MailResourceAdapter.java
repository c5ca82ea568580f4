// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.adapter;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import javax.transaction.xa.XAResource;
import org.eemail.ra.api.ListenerStatus;
import org.eemail.ra.api.MailServerStatus;
import org.eemail.ra.api.StartupFailure;
import org.eemail.ra.config.Listener;
import org.eemail.ra.config.Protocol;
import org.eemail.ra.config.ServerSettings;
import org.eemail.ra.config.TlsMode;
import org.eemail.ra.pop3.Pop3Session;
import org.eemail.ra.protocol.LineSession;
import org.eemail.ra.protocol.SpooledMessageSink;
import org.eemail.ra.smtp.ConnectionInfo;
import org.eemail.ra.smtp.SmtpSession;
import org.eemail.ra.smtp.SmtpSettings;
import org.eemail.ra.tls.ServerTls;
import org.eemail.ra.transport.MailTransport;

/**
 * The resource adapter: owns the SMTP and POP3 listeners for as long as it is deployed.
 * {@link #start} binds them with threads from the WorkManager; {@link #stop} releases every port,
 * so a redeploy never meets "address in use".
 */
@Connector(
        displayName = "EE Mail Server",
        description = "SMTP and POP3 listeners that hand incoming mail to message-driven beans",
        vendorName = "EE Mail Server",
        eisType = "Mail",
        version = "0.1",
        transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction)
public class MailResourceAdapter implements ResourceAdapter {

    private static final Logger LOG = System.getLogger(MailResourceAdapter.class.getName());

    /** Message text up to this size stays in memory; larger messages go to a spool file. */
    private static final int SPOOL_IN_MEMORY = 256 * 1024;
    private static final String UNKNOWN_CLIENT = "0.0.0.0";

    private MailTransport transport;
    private ServerSettings settings;

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        try {
            settings = ServerSettings.load(new MicroProfileSettings());
            ServerTls tls = ServerTls.create(settings);
            transport = new MailTransport(new WorkManagerExecutor(context.getWorkManager()),
                    Runtime.getRuntime().availableProcessors(), tls.context(), this::openSession);
            transport.start(settings.endpoints());
        } catch (StartupFailure failure) {
            transport = null;
            throw new ResourceAdapterInternalException(failure.getMessage());
        }
        MailServerStatus.publish(transport::status);
        for (ListenerStatus listener : transport.status()) {
            LOG.log(Level.INFO, String.format("Listener %-10s %-4s on %s:%d, TLS %s", listener.name(),
                    listener.protocol(), listener.address(), listener.port(), listener.tls()));
        }
    }

    private LineSession openSession(Listener listener) {
        return listener.protocol() == Protocol.SMTP
                ? openSmtpSession(listener)
                : new Pop3Session(settings.hostname());
    }

    /**
     * An SMTP session with the default limits. Not wired yet: the backend defers every message, and
     * the transport does not pass the client's address, so {@link #UNKNOWN_CLIENT} stands for it.
     */
    private LineSession openSmtpSession(Listener listener) {
        SmtpSettings.ListenerKind kind = listener == Listener.SMTP ? SmtpSettings.ListenerKind.MTA
                : listener == Listener.SUBMISSION ? SmtpSettings.ListenerKind.SUBMISSION
                : SmtpSettings.ListenerKind.SMTPS;
        SmtpSettings smtp = SmtpSettings.defaults(settings.hostname()).withListener(kind);
        Path spool = settings.dataDirectory().resolve("spool");
        return new SmtpSession(smtp, new ConnectionInfo(UNKNOWN_CLIENT, listener.tls() == TlsMode.IMPLICIT),
                new UnwiredSmtpBackend(), () -> new SpooledMessageSink(smtp.maxMessageSize(), SPOOL_IN_MEMORY, spool));
    }

    @Override
    public void stop() {
        MailServerStatus.publish(null);
        if (transport != null) {
            transport.stop();
            transport = null;
            LOG.log(Level.INFO, "Listeners closed");
        }
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        throw new NotSupportedException("this adapter has no message listener types yet");
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        // nothing can have been activated
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }
}
