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
import java.net.InetSocketAddress;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import javax.transaction.xa.XAResource;
import org.eemail.ra.api.ListenerStatus;
import org.eemail.ra.api.MailServerStatus;
import org.eemail.ra.api.TlsCertificate;
import org.eemail.ra.api.StartupFailure;
import org.eemail.ra.config.Listener;
import org.eemail.ra.config.Protocol;
import org.eemail.ra.config.ServerSettings;
import org.eemail.ra.config.TlsMode;
import org.eemail.ra.hook.ConsumerDispatcher;
import org.eemail.ra.pop3.Pop3Session;
import org.eemail.ra.pop3.Pop3Settings;
import org.eemail.ra.protocol.FailureDelays;
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
    /** Messages up to this size stay in memory while they arrive or leave; larger ones go to a spool file. */
    private static final int SPOOL_IN_MEMORY = 256 * 1024;
    /** The longest pause between two looks for due consumer dispatches (retries, leftovers). */
    private static final Duration DISPATCH_POLL = Duration.ofSeconds(5);

    private final BeanBackend backend = new BeanBackend();
    private final MaildropBackend maildrops = new MaildropBackend();
    private final FailureDelays loginFailures = new FailureDelays();
    private MailTransport transport;
    private LeaseRenewal leaseRenewal;
    private ApplicationBeans applications;
    private ConsumerDispatcher dispatcher;
    private ServerSettings settings;
    private SmtpSettings smtp;
    private Pop3Settings pop3;

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        TlsCertificate presented;
        try {
            MicroProfileSettings source = new MicroProfileSettings();
            settings = ServerSettings.load(source);
            smtp = SmtpConfiguration.load(source, settings.hostname());
            pop3 = Pop3Configuration.load(source, settings.hostname());
            ServerTls tls = ServerTls.create(settings);
            presented = TlsCertificate.of(tls.certificate());
            WorkManagerExecutor threads = new WorkManagerExecutor(context.getWorkManager());
            transport = new MailTransport(threads, Runtime.getRuntime().availableProcessors(), threads,
                    tls.context(), this::openSession);
            transport.start(settings.endpoints());
            maildrops.startAs(ServerInstance.name(settings));
            leaseRenewal = new LeaseRenewal(maildrops);
            threads.execute(leaseRenewal);
            startApplications(context, threads);
        } catch (StartupFailure failure) {
            transport = null;
            throw new ResourceAdapterInternalException(failure.getMessage());
        }
        MailServerStatus.publish(transport::status, presented);
        for (ListenerStatus listener : transport.status()) {
            LOG.log(Level.INFO, String.format("Listener %-10s %-4s on %s:%d, TLS %s", listener.name(),
                    listener.protocol(), listener.address(), listener.port(), listener.tls()));
        }
    }

    /** The applications' policies and consumers, and the task that delivers to the consumers. */
    private void startApplications(BootstrapContext context, WorkManagerExecutor threads) {
        applications = new ApplicationBeans(threads, context.getTransactionSynchronizationRegistry());
        Path spool = settings.dataDirectory().resolve("spool");
        dispatcher = new ConsumerDispatcher(applications.consumers(), backend::dispatchQueue,
                () -> new SpooledMessageSink(Long.MAX_VALUE, SPOOL_IN_MEMORY, spool), DISPATCH_POLL);
        backend.serve(applications, dispatcher::soon);
        threads.execute(dispatcher);
    }

    private LineSession openSession(Listener listener, InetSocketAddress client) {
        Path spool = settings.dataDirectory().resolve("spool");
        String address = client.getAddress() == null ? client.getHostString() : client.getAddress().getHostAddress();
        ConnectionInfo connection = new ConnectionInfo(address, listener.tls() == TlsMode.IMPLICIT, loginFailures);
        if (listener.protocol() == Protocol.POP3) {
            return new Pop3Session(pop3, connection, maildrops,
                    () -> new SpooledMessageSink(Long.MAX_VALUE, SPOOL_IN_MEMORY, spool));
        }
        SmtpSettings.ListenerKind kind = switch (listener) {
            case SUBMISSION -> SmtpSettings.ListenerKind.SUBMISSION;
            case SMTPS -> SmtpSettings.ListenerKind.SMTPS;
            default -> SmtpSettings.ListenerKind.MTA;
        };
        SmtpSettings limits = smtp.withListener(kind);
        return new SmtpSession(limits, connection, backend,
                () -> new SpooledMessageSink(limits.maxMessageSize(), SPOOL_IN_MEMORY, spool));
    }

    @Override
    public void stop() {
        MailServerStatus.publish(null, null);
        if (leaseRenewal != null) {
            leaseRenewal.stop();
            leaseRenewal = null;
        }
        if (dispatcher != null) {
            dispatcher.stop();
            dispatcher = null;
        }
        if (transport != null) {
            transport.stop();
            transport = null;
            maildrops.releaseAll();
            LOG.log(Level.INFO, "Listeners closed");
        }
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        if (!(spec instanceof MailActivationSpec mailSpec)) {
            throw new NotSupportedException("not an activation of this adapter: " + spec);
        }
        if (mailSpec instanceof MaildropActivationSpec) {
            maildrops.activate(factory);
        } else if (mailSpec instanceof PolicyActivationSpec policy) {
            applications.activate(factory, policy);
        } else if (mailSpec instanceof ConsumerActivationSpec consumer) {
            applications.activate(factory, consumer);
            dispatcher.soon();  // dispatches left from before a restart or redeployment
        } else {
            backend.activate(factory, mailSpec);
            if (mailSpec instanceof DispatchQueueActivationSpec) {
                dispatcher.soon();
            }
        }
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        if (!maildrops.deactivate(factory) && (applications == null || !applications.deactivate(factory))) {
            backend.deactivate(factory);
        }
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    /** Identity: JCA §5.3.1 asks for equals and hashCode, and WildFly's archive validation checks them. */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
