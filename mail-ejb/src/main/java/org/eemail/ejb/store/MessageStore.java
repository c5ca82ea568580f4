// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.eemail.ejb.db.DurableCommit;
import org.eemail.ejb.domain.Account;
import org.eemail.ejb.domain.MailAddress;
import org.eemail.ejb.domain.MailboxMessage;
import org.eemail.ejb.domain.QueueEntry;
import org.eemail.ejb.domain.StoredMessage;
import org.eemail.ejb.domain.TrailKind;
import org.eemail.ejb.mime.HeaderFields;
import org.eemail.ejb.mime.MessageSummary;
import org.eemail.ejb.store.IncomingMessage.Recipient;

/**
 * Accepted mail: each message stored once, referenced from the mailboxes of local recipients and
 * queued for foreign ones. Joins the caller's transaction, so the SMTP server can reply 250 only
 * once the message, its mailbox rows and its queue entries have committed together (Postfix
 * cleanup's rule for the incoming queue).
 */
@Stateless
public class MessageStore {

    @PersistenceContext(unitName = "mail")
    private EntityManager em;

    @EJB
    private DurableCommit durableCommit;

    /**
     * Stores {@code message} for all its recipients. The content stored, and later delivered, is
     * {@code Return-Path}, the trace header, then the original octets, streamed through without
     * being held in memory.
     *
     * @return the stored message's id, and whether it was queued for a foreign recipient
     * @throws StoreException INVALID when a local recipient no longer exists
     * @throws RuntimeException a system exception, which rolls the transaction back, when the
     *                          content cannot be read or is not {@code length} octets long
     *                          ({@link UncheckedIOException}, or the persistence exception the
     *                          driver's read failure became)
     */
    public Accepted accept(IncomingMessage message) {
        durableCommit.onDiskBeforeReturn();
        return accept(em, message);
    }

    /**
     * {@link #accept(IncomingMessage)} for stores of this package that make messages too (bounces):
     * no client waits for those, so their commit is not synced before it returns.
     */
    static Accepted accept(EntityManager em, IncomingMessage message) {
        DeliveryPlan plan = new DeliveryPlan();
        for (Recipient recipient : message.recipients()) {
            plan.add(recipient, AddressResolver.resolve(em, recipient.address()));
        }
        byte[] prefix = MessageContent.prefix(message.sender(), message.traceHeader());
        DeclaredLengthInputStream original = new DeclaredLengthInputStream(message.content(), message.length());
        byte[] head = readHead(original, message.length());
        StoredMessage stored = new StoredMessage(message.sender(), prefix.length + message.length(),
                MessageIdHeader.find(head, head.length == message.length()),
                message.dsnReturn(), message.envelopeId());
        HeaderFields fields = HeaderFields.of(head);
        stored.setHeaderFields(fields.from(), fields.subject(), fields.date());
        InputStream content = new SequenceInputStream(Collections.enumeration(List.of(
                new ByteArrayInputStream(prefix), new ByteArrayInputStream(head), original)));
        long id = MessageContent.insert(em, stored, content);
        requireEnd(original);
        StoredMessage row = em.getReference(StoredMessage.class, id);
        List<TrailStep> trail = new ArrayList<>(1 + plan.mailboxes().size() + plan.queue().size());
        trail.add(TrailStep.received(id, stored.getReceived(), message.origin(), stored.getMessageId(),
                stored.getSender(), stored.getSize()));
        for (LocalTarget mailbox : plan.mailboxes()) {
            em.persist(new MailboxMessage(em.getReference(Account.class, mailbox.accountId()), row,
                    stored.getReceived(), stored.getSize()));
            trail.add(TrailStep.of(id, stored.getReceived(), TrailKind.STORED, mailbox.address(), null));
        }
        for (Recipient remote : plan.queue()) {
            em.persist(new QueueEntry(row, stored.getReceived(), remote.address(), remote.dsnNotify(),
                    remote.originalRecipient()));
            trail.add(TrailStep.of(id, stored.getReceived(), TrailKind.QUEUED, remote.address(), null));
        }
        TrailLog.write(em, trail);
        return new Accepted(id, !plan.queue().isEmpty(), plan.mailboxes().size());
    }

    /**
     * The content of a stored message as delivered: trace headers and original octets. The stream
     * reads from the caller's transaction and is valid only inside it; close it when done.
     *
     * @throws StoreException NOT_FOUND when there is no such message
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public InputStream content(long storedMessageId) {
        return MessageContent.read(em, storedMessageId)
                .orElseThrow(() -> StoreException.notFound("no such stored message: " + storedMessageId));
    }

    /** The messages in an account's mailbox, oldest first; empty for an unknown account. */
    public List<MailboxMessage> mailbox(MailAddress account) {
        return em.createNamedQuery(MailboxMessage.FIND_BY_ACCOUNT, MailboxMessage.class)
                .setParameter("address", account.toString())
                .getResultList();
    }

    /** The start of the message, where its header section and Message-ID are. */
    private static byte[] readHead(InputStream original, long length) {
        try {
            return original.readNBytes((int) Math.min(length, MessageIdHeader.SEARCH_LIMIT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireEnd(DeclaredLengthInputStream original) {
        try {
            original.requireEnd();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One message of {@code account}'s mailbox, by its mailbox id. */
    public Optional<MailboxMessage> mailboxMessage(MailAddress account, long mailboxMessageId) {
        MailboxMessage message = em.find(MailboxMessage.class, mailboxMessageId);
        return Optional.ofNullable(message).filter(m -> m.getAccount().getAddress().equals(account.toString()));
    }

    /**
     * The header fields and text of a stored message, decoded ({@link MessageSummary}), in a
     * transaction of its own.
     *
     * @throws StoreException NOT_FOUND when there is no such message
     */
    public MessageSummary summary(long storedMessageId) {
        try (InputStream in = content(storedMessageId)) {
            return MessageSummary.of(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read stored message " + storedMessageId, e);
        }
    }

    /**
     * Writes a stored message's text to {@code out} in one transaction of its own, so that a
     * caller outside any transaction (a download) can stream it.
     */
    public void copyContent(long storedMessageId, OutputStream out) throws IOException {
        try (InputStream in = content(storedMessageId)) {
            in.transferTo(out);
        }
    }
}
