// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.adapter;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.List;
import org.eemail.api.MailEnvelope;
import org.eemail.ra.api.AddressInfo;
import org.eemail.ra.api.ConsumerRoute;
import org.eemail.ra.api.DispatchQueue;
import org.eemail.ra.api.Envelope;
import org.eemail.ra.api.MailDirectory;
import org.eemail.ra.api.MessageAcceptor;
import org.eemail.ra.api.MessageContent;
import org.eemail.ra.api.Verdict;
import org.eemail.ra.hook.ApplicationMail;
import org.eemail.ra.protocol.MessageSink;
import org.eemail.ra.smtp.SmtpBackend;

/**
 * The SMTP sessions' backend, made of the beans the mail application activated (its
 * {@link MailDirectory}, {@link MessageAcceptor} and {@link DispatchQueue}) and of the
 * applications' policies and consumers ({@link ApplicationBeans}). Until both are active (the application
 * deploys after the adapter), every call fails and sessions answer with a temporary error, so no
 * mail is lost or wrongly refused while the server starts.
 */
final class BeanBackend implements SmtpBackend {

    private static final Method LOOKUP = method(MailDirectory.class, "lookup", String.class);
    private static final Method AUTHENTICATE = method(MailDirectory.class, "authenticate", String.class, String.class);
    private static final Method MAY_USE_SENDER = method(MailDirectory.class, "mayUseSender", String.class, String.class);
    private static final Method ACCEPT = method(MessageAcceptor.class, "accept", Envelope.class, String.class,
            MessageContent.class, List.class);

    /** Below Payara's default bean pool (32) and the application's database pool (32). */
    private static final int MAX_CONCURRENT_CALLS = 16;

    private volatile Bound<MailDirectory> directory;
    private volatile Bound<MessageAcceptor> acceptor;
    private volatile Bound<DispatchQueue> dispatchQueue;
    private volatile ApplicationBeans applications;
    private volatile Runnable afterConsumedAccept = () -> { };

    private record Bound<L>(MessageEndpointFactory factory, EndpointInvoker<L> invoker) {
    }

    /**
     * Starts consulting the applications' beans.
     *
     * @param afterConsumedAccept called when a message with consumers was accepted
     */
    void serve(ApplicationBeans beans, Runnable afterConsumedAccept) {
        this.applications = beans;
        this.afterConsumedAccept = afterConsumedAccept;
    }

    static Method method(Class<?> type, String name, Class<?>... parameters) {
        try {
            return type.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    synchronized void activate(MessageEndpointFactory factory, MailActivationSpec spec) throws ResourceException {
        if (spec instanceof DirectoryActivationSpec) {
            directory = bind(directory, factory, MailDirectory.class);
        } else if (spec instanceof AcceptorActivationSpec) {
            acceptor = bind(acceptor, factory, MessageAcceptor.class);
        } else if (spec instanceof DispatchQueueActivationSpec) {
            dispatchQueue = bind(dispatchQueue, factory, DispatchQueue.class);
        } else {
            throw new NotSupportedException("no listener for " + spec.getClass().getName());
        }
    }

    private static <L> Bound<L> bind(Bound<L> current, MessageEndpointFactory factory, Class<L> listener)
            throws ResourceException {
        if (current != null) {
            throw new ResourceException("a " + listener.getSimpleName() + " bean is active already: "
                    + current.factory().getActivationName());
        }
        return new Bound<>(factory, new EndpointInvoker<>(factory, listener, MAX_CONCURRENT_CALLS));
    }

    synchronized void deactivate(MessageEndpointFactory factory) {
        if (directory != null && directory.factory() == factory) {
            directory = null;
        }
        if (acceptor != null && acceptor.factory() == factory) {
            acceptor = null;
        }
        if (dispatchQueue != null && dispatchQueue.factory() == factory) {
            dispatchQueue = null;
        }
    }

    /** The mail application's dispatch queue, while its bean is active. */
    Optional<DispatchQueue> dispatchQueue() {
        return Optional.ofNullable(dispatchQueue).map(bound -> new BeanDispatchQueue(bound.invoker()));
    }

    /**
     * The directory's answer, except that an address of this server's domains that a consumer
     * takes for itself is local, without quota: it needs no account and gets no mailbox delivery.
     */
    @Override
    public AddressInfo lookup(String address) {
        AddressInfo info = directory().invoke(LOOKUP, d -> d.lookup(address));
        ApplicationBeans beans = applications;
        if (info.kind() != AddressInfo.Kind.FOREIGN && beans != null && beans.consumers().consumes(address)) {
            return AddressInfo.local(Long.MAX_VALUE);
        }
        return info;
    }

    @Override
    public Verdict checkRecipient(MailEnvelope soFar, String recipient) {
        ApplicationBeans beans = applications;
        return beans == null ? Verdict.accept() : beans.policies().checkRecipient(soFar, recipient);
    }

    @Override
    public Verdict checkMessage(Envelope envelope, String id, MessageSink message) {
        ApplicationBeans beans = applications;
        if (beans == null || beans.policies().isEmpty()) {
            return Verdict.accept();
        }
        return beans.policies().checkMessage(ApplicationMail.envelope(envelope), ApplicationMail.message(id, message));
    }

    @Override
    public Optional<String> authenticate(String username, String password) {
        return directory().invoke(AUTHENTICATE, d -> d.authenticate(username, password));
    }

    @Override
    public boolean mayUseSender(String identity, String sender) {
        return directory().invoke(MAY_USE_SENDER, d -> d.mayUseSender(identity, sender));
    }

    @Override
    public Verdict deliver(Envelope envelope, String traceHeader, MessageSink message) {
        MessageContent content = new MessageContent() {
            @Override
            public long size() {
                return message.size();
            }

            @Override
            public InputStream open() throws IOException {
                return message.open();
            }
        };
        Bound<MessageAcceptor> bound = acceptor;
        if (bound == null) {
            throw new IllegalStateException("the mail application's MessageAcceptor is not active");
        }
        ApplicationBeans beans = applications;
        List<ConsumerRoute> routes = beans == null ? List.of() : beans.consumers().routes(envelope);
        Verdict verdict = bound.invoker().invoke(ACCEPT, a -> a.accept(envelope, traceHeader, content, routes));
        if (verdict.kind() == Verdict.Kind.ACCEPT && !routes.isEmpty()) {
            afterConsumedAccept.run();
        }
        return verdict;
    }

    private EndpointInvoker<MailDirectory> directory() {
        Bound<MailDirectory> bound = directory;
        if (bound == null) {
            throw new IllegalStateException("the mail application's MailDirectory is not active");
        }
        return bound.invoker();
    }
}
