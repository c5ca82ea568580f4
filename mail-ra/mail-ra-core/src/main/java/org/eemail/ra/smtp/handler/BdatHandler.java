// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp.handler;

import java.util.Locale;
import java.util.Optional;
import org.eemail.ra.protocol.Response;
import org.eemail.ra.smtp.MessageDelivery;
import org.eemail.ra.smtp.SmtpCommandHandler;
import org.eemail.ra.smtp.SmtpReplies;
import org.eemail.ra.smtp.SmtpReply;
import org.eemail.ra.smtp.SmtpSession;
import org.eemail.ra.smtp.SmtpState;

/**
 * BDAT, RFC 3030 §2: {@code BDAT <size> [LAST]} is followed by exactly {@code size} octets of the
 * message, read without dot-stuffing. Each chunk but the last is answered 250; the last one
 * ({@code BDAT 0 LAST} included) delivers the message as DATA does. A chunk that takes the
 * message over the size limit is read and dropped, and ends the transaction with 552 5.3.4. A BDAT the session refuses
 * (wrong state, RFC 3030 §4) still has its octets read and dropped, so that they are never taken
 * for commands.
 */
public final class BdatHandler implements SmtpCommandHandler {

    /** The arguments of one BDAT. */
    private record Chunk(long size, boolean last) {
    }

    @Override
    public Response handle(SmtpSession session, String argument) {
        Optional<Chunk> chunk = parse(argument);
        if (chunk.isEmpty()) {
            return Response.of(SmtpReplies.SYNTAX_ERROR);
        }
        if (session.state() == SmtpState.RCPT) {
            session.beginText(SmtpState.BDAT);
        }
        long size = chunk.get().size();
        if (size > session.settings().maxMessageSize() - session.messageSink().size()) {
            session.endTransaction(); // what follows is read into a discarding sink
            return session.readChunk(size, s -> Response.of(SmtpReplies.MESSAGE_TOO_LARGE));
        }
        return chunk.get().last()
                ? session.readChunk(size, MessageDelivery::finish)
                : session.readChunk(size, s -> Response.of(SmtpReplies.chunkReceived(size)));
    }

    @Override
    public Response refuse(SmtpSession session, String argument, SmtpReply refusal) {
        Optional<Chunk> chunk = parse(argument);
        return chunk.isPresent() ? session.discardChunk(chunk.get().size(), refusal) : Response.of(refusal);
    }

    /** RFC 3030 §3: {@code bdat-cmd ::= "BDAT" SP chunk-size [ SP end-marker ] CR LF}. */
    private static Optional<Chunk> parse(String argument) {
        String[] words = argument.split(" ", -1);
        if (words.length > 2 || !words[0].matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        if (words.length == 2 && !words[1].toUpperCase(Locale.ROOT).equals("LAST")) {
            return Optional.empty();
        }
        return Optional.of(new Chunk(Long.parseLong(words[0]), words.length == 2));
    }
}
