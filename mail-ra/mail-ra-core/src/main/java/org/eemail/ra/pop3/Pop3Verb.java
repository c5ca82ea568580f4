// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.pop3;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.eemail.ra.pop3.handler.ApopHandler;
import org.eemail.ra.pop3.handler.AuthHandler;
import org.eemail.ra.pop3.handler.CapaHandler;
import org.eemail.ra.pop3.handler.DeleHandler;
import org.eemail.ra.pop3.handler.ListHandler;
import org.eemail.ra.pop3.handler.NoopHandler;
import org.eemail.ra.pop3.handler.PassHandler;
import org.eemail.ra.pop3.handler.QuitHandler;
import org.eemail.ra.pop3.handler.RetrHandler;
import org.eemail.ra.pop3.handler.RsetHandler;
import org.eemail.ra.pop3.handler.StatHandler;
import org.eemail.ra.pop3.handler.StlsHandler;
import org.eemail.ra.pop3.handler.TopHandler;
import org.eemail.ra.pop3.handler.UidlHandler;
import org.eemail.ra.pop3.handler.UserHandler;
import org.eemail.ra.protocol.Response;

/**
 * The POP3 commands this server knows, each with its handler and the states it is allowed in
 * (RFC 1939 §4-§7, RFC 2449 CAPA, RFC 2595 STLS, RFC 5034 AUTH). A command in any other state gets
 * the one shared {@link Pop3Replies#WRONG_STATE} before its handler runs.
 */
public enum Pop3Verb {
    USER(new UserHandler(), EnumSet.of(Pop3State.AUTHORIZATION)),
    PASS(new PassHandler(), EnumSet.of(Pop3State.AUTHORIZATION)),
    APOP(new ApopHandler(), EnumSet.of(Pop3State.AUTHORIZATION)),
    AUTH(new AuthHandler(), EnumSet.of(Pop3State.AUTHORIZATION)),
    STLS(new StlsHandler(), EnumSet.of(Pop3State.AUTHORIZATION)),
    CAPA(new CapaHandler(), Pop3State.ANY),
    QUIT(new QuitHandler(), Pop3State.ANY),
    STAT(new StatHandler(), EnumSet.of(Pop3State.TRANSACTION)),
    LIST(new ListHandler(), EnumSet.of(Pop3State.TRANSACTION)),
    UIDL(new UidlHandler(), EnumSet.of(Pop3State.TRANSACTION)),
    TOP(new TopHandler(), EnumSet.of(Pop3State.TRANSACTION)),
    RETR(new RetrHandler(), EnumSet.of(Pop3State.TRANSACTION)),
    DELE(new DeleHandler(), EnumSet.of(Pop3State.TRANSACTION)),
    RSET(new RsetHandler(), EnumSet.of(Pop3State.TRANSACTION)),
    NOOP(new NoopHandler(), EnumSet.of(Pop3State.TRANSACTION));

    private final Pop3CommandHandler handler;
    private final Set<Pop3State> states;

    Pop3Verb(Pop3CommandHandler handler, Set<Pop3State> states) {
        this.handler = handler;
        this.states = states;
    }

    /** Runs the handler, or refuses the command when the session is not in one of its states. */
    public Response dispatch(Pop3Session session, String argument) {
        return states.contains(session.state())
                ? handler.handle(session, argument)
                : Response.of(Pop3Replies.WRONG_STATE);
    }

    /** The command named {@code keyword} (already upper-cased), if the server knows it. */
    public static Optional<Pop3Verb> lookup(String keyword) {
        for (Pop3Verb verb : values()) {
            if (verb.name().equals(keyword)) {
                return Optional.of(verb);
            }
        }
        return Optional.empty();
    }
}
