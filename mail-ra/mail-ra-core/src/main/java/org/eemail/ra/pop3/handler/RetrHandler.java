// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.pop3.handler;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eemail.ra.api.MaildropEntry;
import org.eemail.ra.pop3.MessageCopy;
import org.eemail.ra.pop3.MessageList;
import org.eemail.ra.pop3.MessageNumber;
import org.eemail.ra.pop3.Pop3CommandHandler;
import org.eemail.ra.pop3.Pop3Refusal;
import org.eemail.ra.pop3.Pop3Replies;
import org.eemail.ra.pop3.Pop3Session;
import org.eemail.ra.pop3.ReadAhead;
import org.eemail.ra.protocol.Reply;
import org.eemail.ra.protocol.Response;

/**
 * RETR msg, RFC 1939 §5: the whole message, octet for octet as stored, dot-stuffed on the wire.
 * From memory when it was read ahead; otherwise, in a session that RETRieves in order, read with
 * the small messages after it ({@link ReadAhead}); otherwise streamed from the store.
 */
public final class RetrHandler implements Pop3CommandHandler {

    @Override
    public Response handle(Pop3Session session, String argument) {
        int number;
        try {
            number = MessageNumber.parse(session, argument);
        } catch (Pop3Refusal refusal) {
            return Response.of(refusal.reply());
        }
        MessageList messages = session.messages();
        MaildropEntry message = messages.message(number).orElseThrow();
        Reply reply = Pop3Replies.messageFollows(message.size());
        ReadAhead ahead = session.readAhead();
        Optional<byte[]> held = ahead.take(number);
        if (held.isPresent()) {
            return MessageCopy.send(held.get(), reply);
        }
        List<Integer> numbers = ahead.plan(messages, number);
        if (numbers.size() == 1) {
            return MessageCopy.send(session, message, reply, MessageCopy.whole());
        }
        Map<Long, byte[]> contents;
        try {
            contents = session.backend().read(session.account(), ReadAhead.uids(messages, numbers));
        } catch (RuntimeException failure) {
            session.backendFailed("read", failure);
            return Response.of(Pop3Replies.TEMPORARY_FAILURE);
        }
        return ahead.keep(messages, numbers, contents)
                .map(content -> MessageCopy.send(content, reply))
                .orElse(Response.of(Pop3Replies.MESSAGE_GONE));
    }
}
