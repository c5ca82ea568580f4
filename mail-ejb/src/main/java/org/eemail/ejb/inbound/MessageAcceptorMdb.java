// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.inbound;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eemail.ejb.domain.DsnReturn;
import org.eemail.ejb.outbound.QueueRunner;
import org.eemail.ejb.store.Accepted;
import org.eemail.ejb.store.DispatchStore;
import org.eemail.ejb.store.IncomingMessage;
import org.eemail.ejb.store.MessageStore;
import org.eemail.ra.api.ConsumerRoute;
import org.eemail.ra.api.Envelope;
import org.eemail.ra.api.MailActivity;
import org.eemail.ra.api.MailEvent;
import org.eemail.ra.api.MessageAcceptor;
import org.eemail.ra.api.MessageContent;
import org.eemail.ra.api.Recipient;
import org.eemail.ra.api.Verdict;

/**
 * Stores each message the SMTP server received: once, referenced from the mailbox of every local
 * recipient, with a queue entry for every other one. Runs in the transaction the adapter brackets
 * around the call, so the client hears 250 only after the commit (Postfix cleanup's rule for its
 * incoming queue). In the same transaction it records one dispatch per application consumer the
 * message goes to, and leaves the recipients those consume out of the mailboxes. A failure throws,
 * the transaction rolls back, and the client hears 451.
 */
@MessageDriven
public class MessageAcceptorMdb implements MessageAcceptor {

    @EJB
    private MessageStore messages;

    @EJB
    private QueueRunner queueRunner;

    @EJB
    private DispatchStore dispatches;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    @Override
    public Verdict accept(Envelope envelope, String traceHeader, MessageContent content, List<ConsumerRoute> consumers) {
        Set<String> consumed = consumers.stream().filter(ConsumerRoute::consumes)
                .flatMap(route -> route.recipients().stream()).collect(Collectors.toSet());
        try (InputStream text = content.open()) {
            Accepted accepted = messages.accept(new IncomingMessage(envelope.sender(), recipients(envelope, consumed),
                    envelope.ret().map(ret -> DsnReturn.valueOf(ret.name())).orElse(null),
                    envelope.envelopeId().orElse(null), traceHeader, text, content.size(),
                    ReceivedOrigin.describe(envelope, traceHeader)));
            dispatches.record(accepted.storedMessageId(), envelope, consumers);
            countOnCommit(accepted.mailboxes());
            if (accepted.queued()) {
                // The first delivery attempt starts when this commits, not at the next poll.
                queueRunner.soon();
            }
            return Verdict.accept();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the received message", e);
        }
    }

    /** Counts the local deliveries once they are committed: a rolled back acceptance delivered nothing. */
    private void countOnCommit(int mailboxes) {
        if (mailboxes == 0) {
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // counted only after the outcome is known
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    MailActivity.record(MailEvent.DELIVERED_LOCALLY, mailboxes);
                }
            }
        });
    }

    /** The recipients that get a mailbox or the queue: all but those an application consumes. */
    private static List<IncomingMessage.Recipient> recipients(Envelope envelope, Set<String> consumed) {
        return envelope.recipients().stream().filter(r -> !consumed.contains(r.address()))
                .map(MessageAcceptorMdb::recipient).toList();
    }

    private static IncomingMessage.Recipient recipient(Recipient recipient) {
        String notify = recipient.notifyWhen().isEmpty() ? null
                : recipient.notifyWhen().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        return new IncomingMessage.Recipient(recipient.address(), notify, recipient.original().orElse(null));
    }
}
