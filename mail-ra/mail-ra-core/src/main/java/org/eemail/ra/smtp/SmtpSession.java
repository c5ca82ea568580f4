// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.eemail.ra.api.MailActivity;
import org.eemail.ra.api.MailEvent;
import org.eemail.ra.protocol.CommandLine;
import org.eemail.ra.protocol.DiscardingMessageSink;
import org.eemail.ra.protocol.MessageSession;
import org.eemail.ra.protocol.MessageSink;
import org.eemail.ra.protocol.Reply;
import org.eemail.ra.protocol.Response;

/**
 * The protocol state of one SMTP connection (RFC 5321), without sockets or threads: connection
 * scope (HELO name, TLS, authenticated identity, error count) here, message scope in the
 * {@link MailTransaction} that MAIL starts and RSET, EHLO/HELO, STARTTLS and the end of the
 * message replace. Verbs are dispatched through {@link SmtpVerb}.
 *
 * <p>Calls never overlap and may block on the {@link SmtpBackend}: the transport calls the session
 * off its network thread.
 */
public final class SmtpSession implements MessageSession {

    private static final Logger LOG = System.getLogger(SmtpSession.class.getName());

    /** What the session does once the text of a message (DATA) or chunk (BDAT) has been read. */
    @FunctionalInterface
    public interface TextEnd {
        Response onEnd(SmtpSession session);
    }

    private final SmtpSettings settings;
    private final ConnectionInfo connection;
    private final SmtpBackend backend;
    private final Supplier<MessageSink> sinks;
    private final String id;
    private final boolean trustedClient;

    private SmtpState state = SmtpState.CONNECTED;
    private boolean tls;
    private String heloName;
    private boolean extended;
    private Optional<String> identity = Optional.empty();
    private MailTransaction transaction;
    private MessageSink sink = new DiscardingMessageSink();
    private TextEnd textEnd;
    private SmtpContinuation continuation;
    private int errors;
    private int messages;

    /**
     * @param settings   the listener's limits and policy
     * @param connection the client's address and whether TLS is already on
     * @param backend    accounts, quotas and storage
     * @param sinks      a new, empty sink for the text of each message
     */
    public SmtpSession(SmtpSettings settings, ConnectionInfo connection, SmtpBackend backend,
                       Supplier<MessageSink> sinks) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.connection = Objects.requireNonNull(connection, "connection");
        this.backend = Objects.requireNonNull(backend, "backend");
        this.sinks = Objects.requireNonNull(sinks, "sinks");
        this.id = String.format("%012X", ThreadLocalRandom.current().nextLong() & 0xFFFF_FFFF_FFFFL);
        this.trustedClient = settings.trusts(connection.clientAddress());
        this.tls = connection.tls();
    }

    @Override
    public Reply greeting() {
        LOG.log(Level.DEBUG, () -> id + " connect from " + connection.clientAddress());
        return SmtpReplies.greeting(settings.hostname());
    }

    /** RFC 5321 §4.1.1: one command line; or the answer to a 334 challenge (RFC 4954 §4). */
    @Override
    public Response onLine(String line) {
        SmtpContinuation pending = continuation;
        continuation = null;
        if (line.indexOf('\0') >= 0) {
            return counted(Response.of(SmtpReplies.NUL_IN_COMMAND));
        }
        if (pending != null) {
            return counted(pending.onLine(this, line));
        }
        if (line.isBlank()) {
            return counted(Response.of(SmtpReplies.EMPTY_COMMAND));
        }
        CommandLine command = CommandLine.parse(line);
        return counted(SmtpVerb.lookup(command.verb())
                .map(verb -> {
                    MailActivity.command("smtp", verb.name());
                    Response response = verb.dispatch(this, command.argument());
                    if (verb == SmtpVerb.RCPT && response.reply() instanceof SmtpReply reply && reply.isPermanentFailure()) {
                        MailActivity.record(MailEvent.RECIPIENT_REJECTED);
                    }
                    return response;
                })
                .orElse(Response.of(SmtpReplies.UNRECOGNIZED)));
    }

    /**
     * Lines whose verb asks the backend, and every line of an AUTH exchange, may block; MAIL only
     * when there is an identity whose right to the sender must be checked. Ending the DATA text
     * is not a line: the transport always runs it on a worker.
     */
    @Override
    public boolean mayBlock(String line) {
        if (continuation != null) {
            return true;
        }
        Optional<SmtpVerb> verb = SmtpVerb.lookup(CommandLine.parse(line).verb());
        if (verb.isEmpty()) {
            return false;
        }
        return verb.get() == SmtpVerb.MAIL ? identity().isPresent() : verb.get().asksBackend();
    }

    /** Counts permanent errors; past {@link SmtpSettings#maxErrors()} the session ends with 421. */
    private Response counted(Response response) {
        if (response.reply() instanceof SmtpReply reply && reply.isPermanentFailure() && ++errors > settings.maxErrors()) {
            LOG.log(Level.INFO, () -> id + " too many errors from " + connection.clientAddress());
            state = SmtpState.CLOSING;
            return Response.closing(SmtpReplies.tooManyErrors(settings.hostname()));
        }
        return response;
    }

    @Override
    public MessageSink messageSink() {
        return sink;
    }

    @Override
    public Response onDataEnd() {
        return endOfText();
    }

    @Override
    public Response onChunkEnd() {
        return endOfText();
    }

    private Response endOfText() {
        TextEnd end = Objects.requireNonNull(textEnd, "no message text was asked for");
        textEnd = null;
        return end.onEnd(this);
    }

    /** RFC 3207 §4.2: the handshake is done; forget everything learnt before it. */
    @Override
    public void tlsStarted() {
        tls = true;
        heloName = null;
        identity = Optional.empty();
        continuation = null;
        endTransaction();
        state = SmtpState.CONNECTED;
    }

    @Override
    public void closed() {
        endTransaction();
    }

    @Override
    public Reply lineTooLong() {
        return SmtpReplies.LINE_TOO_LONG;
    }

    @Override
    public Reply idleTimeout() {
        return SmtpReplies.idleTimeout(settings.hostname());
    }

    @Override
    public Reply shuttingDown() {
        return SmtpReplies.shuttingDown(settings.hostname());
    }

    public SmtpSettings settings() {
        return settings;
    }

    public ConnectionInfo connection() {
        return connection;
    }

    public SmtpBackend backend() {
        return backend;
    }

    public String hostname() {
        return settings.hostname();
    }

    /** The session id that prefixes its log lines and message ids. */
    public String id() {
        return id;
    }

    public SmtpState state() {
        return state;
    }

    public boolean tls() {
        return tls;
    }

    /** RFC 3207 §4: whether STARTTLS is offered now (not on implicit-TLS listeners, not twice). */
    public boolean mayStartTls() {
        return !tls && settings.listener() != SmtpSettings.ListenerKind.SMTPS;
    }

    public boolean trustedClient() {
        return trustedClient;
    }

    /** The EHLO or HELO name, or null before the client gave one. */
    public String heloName() {
        return heloName;
    }

    /** Whether the client greeted with EHLO (ESMTP) rather than HELO. */
    public boolean extended() {
        return extended;
    }

    public Optional<String> identity() {
        return identity;
    }

    /** The current transaction; only in states MAIL, RCPT and BDAT. */
    public MailTransaction transaction() {
        return Objects.requireNonNull(transaction, "no transaction");
    }

    /** RFC 5321 §4.1.4: EHLO or HELO; any transaction is dropped as by RSET. */
    public void greeted(String name, boolean esmtp) {
        endTransaction();
        heloName = name;
        extended = esmtp;
        state = SmtpState.GREETED;
    }

    public void authenticated(String canonicalIdentity) {
        LOG.log(Level.DEBUG, () -> id + " authenticated as " + canonicalIdentity);
        identity = Optional.of(canonicalIdentity);
    }

    /** The next line answers a 334 challenge and goes to {@code next}. */
    public void expectContinuation(SmtpContinuation next) {
        continuation = next;
    }

    /** MAIL accepted: a new transaction (RFC 5321 §4.1.1.2). */
    public void beginTransaction(MailTransaction started) {
        endTransaction();
        transaction = started;
        state = SmtpState.MAIL;
    }

    /** RCPT accepted: the transaction with one more recipient (RFC 5321 §4.1.1.3). */
    public void updateTransaction(MailTransaction updated) {
        transaction = updated;
        state = SmtpState.RCPT;
    }

    /** DATA or the first BDAT: a fresh sink for the message text; {@code next} is DATA or BDAT. */
    public void beginText(SmtpState next) {
        sink = sinks.get();
        state = next;
    }

    /** After {@code reply}, reads the text up to the line "." and then calls {@code end}. */
    public Response readData(SmtpReply reply, TextEnd end) {
        textEnd = end;
        return Response.readData(reply);
    }

    /** Reads {@code size} octets into the current sink, then calls {@code end} for the reply. */
    public Response readChunk(long size, TextEnd end) {
        textEnd = end;
        return Response.readChunk(size);
    }

    /** Reads and drops a chunk the client sends anyway (RFC 3030 §2), then answers {@code refusal}. */
    public Response discardChunk(long size, SmtpReply refusal) {
        if (state == SmtpState.BDAT) {
            endTransaction(); // a message that lost a chunk cannot be delivered
        }
        return readChunk(size, s -> s.counted(Response.of(refusal)));
    }

    /** RSET, the end of a message, or anything else that drops the transaction. */
    public void endTransaction() {
        sink.discard();
        sink = new DiscardingMessageSink();
        transaction = null;
        textEnd = null;
        if (state != SmtpState.CONNECTED && state != SmtpState.CLOSING) {
            state = SmtpState.GREETED;
        }
    }

    /** QUIT, or a verdict that ends the connection. */
    public void closing() {
        endTransaction();
        state = SmtpState.CLOSING;
    }

    /** A new id for an incoming message, unique on this server for practical purposes. */
    public String nextMessageId() {
        return id + "-" + ++messages;
    }

    /** Logs a failure of the backend, with the session id. */
    public void backendFailed(String call, RuntimeException failure) {
        LOG.log(Level.WARNING, id + " " + call + " failed; answered 4xx", failure);
    }
}
