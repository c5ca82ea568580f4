// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.adapter;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Optional;
import org.eemail.ra.api.AddressInfo;
import org.eemail.ra.api.Envelope;
import org.eemail.ra.api.MailDirectory;
import org.eemail.ra.api.MessageAcceptor;
import org.eemail.ra.api.MessageContent;
import org.eemail.ra.api.Verdict;
import org.eemail.ra.protocol.MessageSink;
import org.eemail.ra.smtp.SmtpBackend;

/**
 * The SMTP sessions' backend, made of the beans the mail application activated: its
 * {@link MailDirectory} and its {@link MessageAcceptor}. Until both are active (the application
 * deploys after the adapter), every call fails and sessions answer with a temporary error, so no
 * mail is lost or wrongly refused while the server starts.
 */
final class BeanBackend implements SmtpBackend {

    private static final Method LOOKUP = method(MailDirectory.class, "lookup", String.class);
    private static final Method AUTHENTICATE = method(MailDirectory.class, "authenticate", String.class, String.class);
    private static final Method MAY_USE_SENDER = method(MailDirectory.class, "mayUseSender", String.class, String.class);
    private static final Method ACCEPT = method(MessageAcceptor.class, "accept", Envelope.class, String.class, MessageContent.class);

    /** Below Payara's default bean pool (32) and the application's database pool (32). */
    private static final int MAX_CONCURRENT_CALLS = 16;

    private volatile Bound<MailDirectory> directory;
    private volatile Bound<MessageAcceptor> acceptor;

    private record Bound<L>(MessageEndpointFactory factory, EndpointInvoker<L> invoker) {
    }

    private static Method method(Class<?> type, String name, Class<?>... parameters) {
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
    }

    @Override
    public AddressInfo lookup(String address) {
        return directory().invoke(LOOKUP, d -> d.lookup(address));
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
        return bound.invoker().invoke(ACCEPT, a -> a.accept(envelope, traceHeader, content));
    }

    private EndpointInvoker<MailDirectory> directory() {
        Bound<MailDirectory> bound = directory;
        if (bound == null) {
            throw new IllegalStateException("the mail application's MailDirectory is not active");
        }
        return bound.invoker();
    }
}
