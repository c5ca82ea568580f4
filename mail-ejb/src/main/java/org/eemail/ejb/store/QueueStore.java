// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.logging.Logger;
import org.eemail.ejb.bounce.DeliveryReport;
import org.eemail.ejb.bounce.FailedRecipient;
import org.eemail.ejb.domain.DsnReturn;
import org.eemail.ejb.domain.QueueEntry;
import org.eemail.ejb.domain.RecipientStatus;
import org.eemail.ejb.domain.StoredMessage;
import org.eemail.ra.api.AddressInfo;

/**
 * The delivery queue: claiming due entries, the content to send, and the outcomes of attempts
 * with the bounces they cause. Every method has a transaction of its own, so a runner calls it
 * from outside any: claims commit before delivery starts, and each outcome commits with its
 * bounce or not at all.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class QueueStore {

    private static final Logger LOG = Logger.getLogger(QueueStore.class.getName());
    private static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    /** The most of an original's header section a bounce returns. */
    private static final int MAX_RETURNED_HEADERS = 256 * 1024;

    @PersistenceContext(unitName = "mail")
    private EntityManager em;

    /**
     * Claims up to {@code max} due entries for {@code lease}: waiting ones whose time has come and
     * claimed ones whose lease ran out. Two runners never both win an entry: the claim is one
     * UPDATE that checks again, on each row it locks, that the row is still due.
     */
    public List<ClaimedEntry> claim(int max, Duration lease) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Long> due = em.createNamedQuery(QueueEntry.FIND_DUE, Long.class)
                .setParameter("now", now)
                .setParameter("waiting", List.of(RecipientStatus.QUEUED, RecipientStatus.DEFERRED))
                .setParameter("inDelivery", RecipientStatus.IN_DELIVERY)
                .setMaxResults(max)
                .getResultList();
        if (due.isEmpty()) {
            return List.of();
        }
        String token = UUID.randomUUID().toString();
        em.createNamedQuery(QueueEntry.CLAIM)
                .setParameter("ids", due)
                .setParameter("token", token)
                .setParameter("leaseUntil", now.plus(lease))
                .setParameter("now", now)
                .setParameter("waiting", List.of(RecipientStatus.QUEUED, RecipientStatus.DEFERRED))
                .setParameter("inDelivery", RecipientStatus.IN_DELIVERY)
                .executeUpdate();
        return em.createNamedQuery(QueueEntry.FIND_CLAIMED, QueueEntry.class)
                .setParameter("token", token)
                .setParameter("inDelivery", RecipientStatus.IN_DELIVERY)
                .getResultList().stream().map(ClaimedEntry::of).toList();
    }

    /** Streams a stored message's content to {@code reader} inside a transaction. */
    public <T> T withContent(long storedMessageId, ContentReader<T> reader) throws IOException {
        try (InputStream content = MessageContent.read(em, storedMessageId)
                .orElseThrow(() -> StoreException.notFound("no such stored message: " + storedMessageId))) {
            return reader.read(content);
        }
    }

    /**
     * Records what became of claimed entries, and stores one bounce per message for the
     * recipients that failed for good and asked to hear of it (RFC 3461 NOTIFY, FAILURE by
     * default). An entry no longer held by the decision's claim (its lease ran out and another
     * runner took it) is left alone. A message with the null sender is never bounced.
     *
     * @param reportingMta  this server's name, for the bounces
     * @param returnedLimit the largest original a bounce returns whole
     */
    public void record(List<Decision> decisions, String reportingMta, long returnedLimit) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Map<StoredMessage, List<FailedRecipient>> failures = new LinkedHashMap<>();
        for (Decision decision : decisions) {
            QueueEntry entry = em.find(QueueEntry.class, decision.entryId());
            if (entry == null || !Objects.equals(decision.claimToken(), entry.getClaimToken())) {
                continue;
            }
            switch (decision.kind()) {
                case DELIVERED -> entry.delivered(decision.reply());
                case DEFERRED -> entry.deferred(decision.reply(), decision.nextAttempt());
                case BOUNCED -> {
                    entry.bounced(decision.reply());
                    if (wantsFailureNotice(entry.getNotify())) {
                        failures.computeIfAbsent(entry.getStoredMessage(), m -> new ArrayList<>())
                                .add(new FailedRecipient(entry.getRecipient(), entry.getOriginalRecipient(),
                                        decision.status(), decision.remoteMta(), decision.reply(), now));
                    }
                }
            }
        }
        failures.forEach((message, failed) -> bounce(message, failed, reportingMta, returnedLimit));
    }

    /** RFC 3461 §4.1: without NOTIFY, failures are reported; NEVER asks for nothing. */
    static boolean wantsFailureNotice(String notify) {
        return notify == null || notify.toUpperCase(java.util.Locale.ROOT).contains("FAILURE");
    }

    private void bounce(StoredMessage message, List<FailedRecipient> failed, String reportingMta, long returnedLimit) {
        if (message.getSender().isEmpty()) {
            LOG.info(() -> "Not bouncing message " + message.getId() + " (null sender): failed " + failed);
            return;
        }
        if (AddressResolver.resolve(em, message.getSender()).kind() == AddressInfo.Kind.UNKNOWN_LOCAL) {
            LOG.warning(() -> "Cannot bounce message " + message.getId() + ": its sender " + message.getSender()
                    + " has no mailbox here any more");
            return;
        }
        boolean whole = message.getDsnReturn() != DsnReturn.HDRS && message.getSize() <= returnedLimit;
        byte[] original = original(message.getId(), whole);
        byte[] report = DeliveryReport.build(reportingMta, message.getSender(), message.getEnvelopeId(),
                message.getReceived(), failed, original, whole);
        String trace = "Received: by " + reportingMta + " (delivery status notification);\r\n\t"
                + DATE.format(Instant.now()) + "\r\n";
        accept(em, new IncomingMessage("", List.of(IncomingMessage.Recipient.of(message.getSender())), null, null,
                trace, new ByteArrayInputStream(report), report.length));
    }

    private static long accept(EntityManager em, IncomingMessage bounce) {
        return MessageStore.accept(em, bounce);
    }

    /** The original as a bounce returns it: whole, or its header section up to the blank line. */
    private byte[] original(long storedMessageId, boolean whole) {
        try {
            return withContent(storedMessageId, content -> whole ? content.readAllBytes() : headerSection(content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] headerSection(InputStream content) throws IOException {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        int last4 = 0;
        int b;
        while (headers.size() < MAX_RETURNED_HEADERS && (b = content.read()) >= 0) {
            headers.write(b);
            last4 = (last4 << 8) | b;
            if (last4 == 0x0D0A0D0A) {
                break;
            }
        }
        return headers.toByteArray();
    }
}
