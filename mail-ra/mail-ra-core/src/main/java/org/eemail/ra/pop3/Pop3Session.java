// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.pop3;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.eemail.ra.api.MailActivity;
import org.eemail.ra.api.MaildropEntry;
import org.eemail.ra.protocol.CommandLine;
import org.eemail.ra.protocol.LineSession;
import org.eemail.ra.protocol.MessageSink;
import org.eemail.ra.protocol.Reply;
import org.eemail.ra.protocol.Response;
import org.eemail.ra.smtp.ConnectionInfo;

/**
 * The protocol state of one POP3 connection (RFC 1939), without sockets or threads: the state,
 * TLS, the user name a USER gave, and once logged in the account and its fixed
 * {@link MessageList}. Commands are dispatched through {@link Pop3Verb}.
 *
 * <p>Calls never overlap and may block on the {@link Pop3Backend}: the transport calls the session
 * off its network thread. The maildrop lock taken at login is given back by QUIT (with the
 * deletions) or by {@link #closed()} (without), whichever comes first.
 */
public final class Pop3Session implements LineSession {

    private static final Logger LOG = System.getLogger(Pop3Session.class.getName());

    private final Pop3Settings settings;
    private final ConnectionInfo connection;
    private final Pop3Backend backend;
    private final Supplier<MessageSink> spools;
    private final String id;
    private final String apopTimestamp;
    private final ReadAhead readAhead = new ReadAhead();

    private Pop3State state = Pop3State.AUTHORIZATION;
    private boolean tls;
    private String user;
    private String previousUser;
    private Pop3Continuation continuation;
    private String account;
    private MessageList messages;

    /**
     * @param settings   what all sessions share
     * @param connection the client's address, whether TLS is already on, the failed-login record
     * @param backend    logins and maildrops
     * @param spools     a new, empty spool for each message sent (RETR, TOP)
     */
    public Pop3Session(Pop3Settings settings, ConnectionInfo connection, Pop3Backend backend,
                       Supplier<MessageSink> spools) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.connection = Objects.requireNonNull(connection, "connection");
        this.backend = Objects.requireNonNull(backend, "backend");
        this.spools = Objects.requireNonNull(spools, "spools");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        this.id = String.format("%012X", random.nextLong() & 0xFFFF_FFFF_FFFFL);
        this.apopTimestamp = "<" + Long.toUnsignedString(random.nextLong(), 36) + "."
                + System.currentTimeMillis() + "@" + settings.hostname() + ">";
        this.tls = connection.tls();
    }

    @Override
    public Reply greeting() {
        LOG.log(Level.DEBUG, () -> id + " connect from " + connection.clientAddress());
        return settings.apop()
                ? Pop3Replies.greeting(settings.hostname(), apopTimestamp)
                : Pop3Replies.greeting(settings.hostname());
    }

    /** RFC 1939 §3: one command line; or the answer to a {@code +} challenge (RFC 5034 §4). */
    @Override
    public Response onLine(String line) {
        Pop3Continuation pending = continuation;
        continuation = null;
        previousUser = user;
        user = null;
        if (pending != null) {
            return pending.onLine(this, line);
        }
        CommandLine command = CommandLine.parse(line);
        return Pop3Verb.lookup(command.verb())
                .map(verb -> {
                    MailActivity.command("pop3", verb.name());
                    return verb.dispatch(this, command.argument());
                })
                .orElse(Response.of(Pop3Replies.UNKNOWN_COMMAND));
    }

    /**
     * Every line goes to a worker but a RETR of a message read ahead: that one is answered from
     * memory, so a client that pipelines RETRs gets most of them answered on the network thread.
     */
    @Override
    public boolean mayBlock(String line) {
        if (state != Pop3State.TRANSACTION || continuation != null) {
            return true;
        }
        CommandLine command = CommandLine.parse(line);
        if (!Pop3Verb.RETR.name().equals(command.verb())) {
            return true;
        }
        try {
            return !readAhead.holds(MessageNumber.decimal(command.argument(), Pop3Replies.MESSAGE_NUMBER_SYNTAX));
        } catch (Pop3Refusal notANumber) {
            return false;
        }
    }

    /** RFC 2595 §4: TLS is on; a user name given before it is forgotten. */
    @Override
    public void tlsStarted() {
        tls = true;
        user = null;
        previousUser = null;
        continuation = null;
    }

    /** The connection ended without QUIT: the lock goes, the deletions do not happen (RFC 1939 §6). */
    @Override
    public void closed() {
        if (state == Pop3State.TRANSACTION) {
            state = Pop3State.UPDATE;
            try {
                backend.release(account, id);
            } catch (RuntimeException failure) {
                backendFailed("release", failure);
            }
        }
    }

    @Override
    public Reply lineTooLong() {
        return Pop3Replies.LINE_TOO_LONG;
    }

    @Override
    public Reply idleTimeout() {
        return Pop3Replies.IDLE_TIMEOUT;
    }

    @Override
    public Reply shuttingDown() {
        return Pop3Replies.SHUTTING_DOWN;
    }

    public Pop3Settings settings() {
        return settings;
    }

    public ConnectionInfo connection() {
        return connection;
    }

    public Pop3Backend backend() {
        return backend;
    }

    public String hostname() {
        return settings.hostname();
    }

    /** The session id: the lock holder's name and the prefix of the session's log lines. */
    public String id() {
        return id;
    }

    /** The timestamp of the APOP greeting, {@code <...@hostname>}. */
    public String apopTimestamp() {
        return apopTimestamp;
    }

    public Pop3State state() {
        return state;
    }

    public boolean tls() {
        return tls;
    }

    /** Whether a password may be sent in clear now: under TLS, or where the policy allows it. */
    public boolean plaintextAllowed() {
        return tls || settings.plaintextAuth().allows(connection.clientAddress());
    }

    /** USER accepted {@code name}; only the very next command, PASS, may use it. */
    public void userGiven(String name) {
        user = name;
    }

    /** The name of a USER that was the previous command, or null. */
    public String previousUser() {
        return previousUser;
    }

    /** The next line answers a challenge and goes to {@code next}. */
    public void expectContinuation(Pop3Continuation next) {
        continuation = next;
    }

    /** The login succeeded and the maildrop is locked: RFC 1939 §5, the TRANSACTION state. */
    public void enterTransaction(String loggedIn, List<MaildropEntry> maildrop) {
        LOG.log(Level.DEBUG, () -> id + " logged in as " + loggedIn + ", " + maildrop.size() + " messages");
        account = loggedIn;
        messages = new MessageList(maildrop);
        state = Pop3State.TRANSACTION;
    }

    /** QUIT in TRANSACTION: the UPDATE state, in which the lock is given back whatever happens. */
    public void enterUpdate() {
        state = Pop3State.UPDATE;
    }

    /** The account logged in; only in TRANSACTION and UPDATE. */
    public String account() {
        return Objects.requireNonNull(account, "not logged in");
    }

    /** The fixed message list; only in TRANSACTION and UPDATE. */
    public MessageList messages() {
        return Objects.requireNonNull(messages, "not logged in");
    }

    /** The small messages read ahead of the client's RETRs; only in TRANSACTION. */
    public ReadAhead readAhead() {
        return readAhead;
    }

    /** A new, empty spool for a message to send. */
    public MessageSink newSpool() {
        return spools.get();
    }

    /** Logs a failure of the backend, with the session id. */
    public void backendFailed(String call, RuntimeException failure) {
        LOG.log(Level.WARNING, id + " " + call + " failed; answered -ERR [SYS/TEMP]", failure);
    }
}
