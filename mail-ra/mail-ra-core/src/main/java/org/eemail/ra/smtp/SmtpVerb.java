// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp;

import static org.eemail.ra.smtp.Guard.requireAuthOnSubmission;
import static org.eemail.ra.smtp.Guard.requireNotAuthenticated;
import static org.eemail.ra.smtp.Guard.requireTls;
import static org.eemail.ra.smtp.Guard.requireTlsOffered;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.eemail.ra.protocol.Response;
import org.eemail.ra.smtp.handler.AuthHandler;
import org.eemail.ra.smtp.handler.BdatHandler;
import org.eemail.ra.smtp.handler.DataHandler;
import org.eemail.ra.smtp.handler.EhloHandler;
import org.eemail.ra.smtp.handler.HeloHandler;
import org.eemail.ra.smtp.handler.HelpHandler;
import org.eemail.ra.smtp.handler.MailFromHandler;
import org.eemail.ra.smtp.handler.NoopHandler;
import org.eemail.ra.smtp.handler.QuitHandler;
import org.eemail.ra.smtp.handler.RcptToHandler;
import org.eemail.ra.smtp.handler.RsetHandler;
import org.eemail.ra.smtp.handler.StartTlsHandler;
import org.eemail.ra.smtp.handler.VrfyHandler;

/**
 * The SMTP verbs this server knows: each with its handler, the preconditions wrapped around it,
 * and the states it is allowed in (RFC 5321 §4.1.4). A verb in any other state gets the one
 * shared {@link SmtpReplies#BAD_SEQUENCE} before its handler runs.
 */
public enum SmtpVerb {
    EHLO(new EhloHandler(), SmtpState.ANY, false),
    HELO(new HeloHandler(), SmtpState.ANY, false),
    MAIL(requireAuthOnSubmission(new MailFromHandler()), EnumSet.of(SmtpState.GREETED), true),
    RCPT(new RcptToHandler(), EnumSet.of(SmtpState.MAIL, SmtpState.RCPT), true),
    DATA(new DataHandler(), EnumSet.of(SmtpState.RCPT), false),
    BDAT(new BdatHandler(), EnumSet.of(SmtpState.RCPT, SmtpState.BDAT), false),
    RSET(new RsetHandler(), SmtpState.ANY, false),
    NOOP(new NoopHandler(), SmtpState.ANY, false),
    VRFY(new VrfyHandler(), SmtpState.ANY, false),
    HELP(new HelpHandler(), SmtpState.ANY, false),
    QUIT(new QuitHandler(), SmtpState.ANY, false),
    STARTTLS(requireTlsOffered(new StartTlsHandler()), EnumSet.of(SmtpState.GREETED), false),
    AUTH(requireTls(requireNotAuthenticated(new AuthHandler())), EnumSet.of(SmtpState.GREETED), true);

    private final SmtpCommandHandler handler;
    private final Set<SmtpState> states;
    private final boolean asksBackend;

    /** @param asksBackend whether the handler may call the {@link SmtpBackend}, which can block */
    SmtpVerb(SmtpCommandHandler handler, Set<SmtpState> states, boolean asksBackend) {
        this.handler = handler;
        this.states = states;
        this.asksBackend = asksBackend;
    }

    /** Whether the handler may call the {@link SmtpBackend}, which can block. */
    public boolean asksBackend() {
        return asksBackend;
    }

    /** Runs the handler, or refuses the verb when the session is not in one of its states. */
    public Response dispatch(SmtpSession session, String argument) {
        return states.contains(session.state())
                ? handler.handle(session, argument)
                : handler.refuse(session, argument, SmtpReplies.BAD_SEQUENCE);
    }

    /** The verb named {@code keyword} (already upper-cased), if the server knows it. */
    public static Optional<SmtpVerb> lookup(String keyword) {
        for (SmtpVerb verb : values()) {
            if (verb.name().equals(keyword)) {
                return Optional.of(verb);
            }
        }
        return Optional.empty();
    }
}
