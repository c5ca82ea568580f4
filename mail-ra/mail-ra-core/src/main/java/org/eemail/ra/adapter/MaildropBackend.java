// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.adapter;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eemail.ra.api.Maildrop;
import org.eemail.ra.api.MaildropEntry;
import org.eemail.ra.api.MaildropHolder;
import org.eemail.ra.pop3.Pop3Backend;

/**
 * The POP3 sessions' backend: the mail application's {@link Maildrop} bean, with the locks named
 * after this server ({@link ServerInstance}) and each session. While sessions are open,
 * {@link #renewLeases()} keeps their locks alive. Locks this server left when it last stopped or
 * crashed are cleared before its first login; other servers sharing the database see them lapse
 * after {@link #LEASE}. Until the bean is active every call fails, and sessions answer
 * {@code -ERR [SYS/TEMP]}.
 */
final class MaildropBackend implements Pop3Backend {

    private static final Logger LOG = System.getLogger(MaildropBackend.class.getName());

    /** How long a lock outlives its last renewal: several renewal intervals, so one slow one does not lose it. */
    static final Duration LEASE = Duration.ofMinutes(2);
    /** How often the locks of open sessions are renewed. */
    static final Duration RENEWAL_INTERVAL = Duration.ofSeconds(30);

    private static final Method AUTHENTICATE = method("authenticate", String.class, String.class);
    private static final Method AUTHENTICATE_APOP = method("authenticateApop", String.class, String.class, String.class);
    private static final Method OPEN = method("open", String.class, MaildropHolder.class, Duration.class);
    private static final Method COPY = method("copy", String.class, long.class, OutputStream.class);
    private static final Method READ = method("read", String.class, List.class);
    private static final Method UPDATE = method("update", String.class, MaildropHolder.class, Set.class);
    private static final Method RELEASE = method("release", String.class, MaildropHolder.class);
    private static final Method RENEW = method("renew", String.class, Duration.class);
    private static final Method RELEASE_ALL = method("releaseAll", String.class);

    /** Below Payara's default bean pool (32) and the application's database pool (32). */
    private static final int MAX_CONCURRENT_CALLS = 16;

    private final Set<String> lockedSessions = ConcurrentHashMap.newKeySet();
    private volatile String instance = "unnamed";
    private volatile boolean formerLocksCleared;
    private volatile MessageEndpointFactory factory;
    private volatile EndpointInvoker<Maildrop> invoker;

    private static Method method(String name, Class<?>... parameters) {
        try {
            return Maildrop.class.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Names the locks of this server from now on; called when the adapter starts. */
    void startAs(String name) {
        instance = name;
        formerLocksCleared = false;
    }

    synchronized void activate(MessageEndpointFactory activated) throws ResourceException {
        if (factory != null) {
            throw new ResourceException("a Maildrop bean is active already: " + factory.getActivationName());
        }
        factory = activated;
        invoker = new EndpointInvoker<>(activated, Maildrop.class, MAX_CONCURRENT_CALLS);
    }

    /**
     * The bean goes away. Its locks cannot be released here: Payara no longer hands out endpoints
     * of a factory being deactivated. {@link #clearFormerLocks()} deals with them at the next start.
     */
    synchronized boolean deactivate(MessageEndpointFactory deactivated) {
        if (factory != deactivated) {
            return false;
        }
        lockedSessions.clear();
        factory = null;
        invoker = null;
        return true;
    }

    /**
     * Releases every lock of this instance while the bean is still active: the adapter is stopping,
     * and the sessions' own releases, which follow their connections' close, may not get through.
     */
    void releaseAll() {
        EndpointInvoker<Maildrop> bound = invoker;
        if (bound == null) {
            return;
        }
        try {
            bound.invoke(RELEASE_ALL, m -> {
                m.releaseAll(instance);
                return null;
            });
            lockedSessions.clear();
        } catch (RuntimeException failure) {
            LOG.log(Level.WARNING, "Cannot release the POP3 locks of this server; they lapse within " + LEASE, failure);
        }
    }

    /** Extends the leases of this instance's locks; called every {@link #RENEWAL_INTERVAL}. */
    void renewLeases() {
        EndpointInvoker<Maildrop> bound = invoker;
        if (bound == null || lockedSessions.isEmpty()) {
            return;
        }
        try {
            bound.invoke(RENEW, m -> {
                m.renew(instance, LEASE);
                return null;
            });
        } catch (RuntimeException failure) {
            LOG.log(Level.WARNING, "Cannot renew the POP3 locks of this server", failure);
        }
    }

    @Override
    public Optional<String> authenticate(String username, String password) {
        return maildrop().invoke(AUTHENTICATE, m -> m.authenticate(username, password));
    }

    @Override
    public Optional<String> authenticateApop(String username, String timestamp, String digest) {
        return maildrop().invoke(AUTHENTICATE_APOP, m -> m.authenticateApop(username, timestamp, digest));
    }

    @Override
    public Optional<List<MaildropEntry>> open(String account, String session) {
        clearFormerLocks();
        Optional<List<MaildropEntry>> opened = maildrop().invoke(OPEN, m -> m.open(account, holder(session), LEASE));
        opened.ifPresent(messages -> lockedSessions.add(session));
        return opened;
    }

    @Override
    public boolean copy(String account, long uid, OutputStream out) {
        return maildrop().invoke(COPY, m -> m.copy(account, uid, out));
    }

    @Override
    public Map<Long, byte[]> read(String account, List<Long> uids) {
        return maildrop().invoke(READ, m -> m.read(account, uids));
    }

    @Override
    public boolean update(String account, String session, Set<Long> deleted) {
        boolean updated = maildrop().invoke(UPDATE, m -> m.update(account, holder(session), deleted));
        lockedSessions.remove(session);
        return updated;
    }

    @Override
    public void release(String account, String session) {
        maildrop().invoke(RELEASE, m -> {
            m.release(account, holder(session));
            return null;
        });
        lockedSessions.remove(session);
    }

    /**
     * Before the first login since the start: the locks held under this server's name belong to
     * its former run, whose sessions are gone, however it ended.
     */
    private void clearFormerLocks() {
        if (formerLocksCleared) {
            return;
        }
        synchronized (this) {
            if (!formerLocksCleared) {
                maildrop().invoke(RELEASE_ALL, m -> {
                    m.releaseAll(instance);
                    return null;
                });
                formerLocksCleared = true;
            }
        }
    }

    private MaildropHolder holder(String session) {
        return new MaildropHolder(instance, session);
    }

    private EndpointInvoker<Maildrop> maildrop() {
        EndpointInvoker<Maildrop> bound = invoker;
        if (bound == null) {
            throw new IllegalStateException("the mail application's Maildrop is not active");
        }
        return bound;
    }
}
