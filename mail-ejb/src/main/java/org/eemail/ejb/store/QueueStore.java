// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.BufferedInputStream;
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
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.logging.Logger;
import org.eemail.ejb.bounce.DeliveryReport;
import org.eemail.ejb.bounce.DsnAction;
import org.eemail.ejb.bounce.RecipientReport;
import org.eemail.ejb.domain.Account;
import org.eemail.ejb.domain.Domain;
import org.eemail.ejb.domain.DsnReturn;
import org.eemail.ejb.domain.MailboxMessage;
import org.eemail.ejb.domain.QueueEntry;
import org.eemail.ejb.domain.RecipientStatus;
import org.eemail.ejb.domain.StoredMessage;
import org.eemail.ejb.domain.TrailKind;
import org.eemail.ra.api.AddressInfo;

/**
 * The delivery queue: claiming due entries, the content to send, and the outcomes of attempts
 * with the reports (bounces, notices) they cause. Every method has a transaction of its own, so a runner calls it
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
        // Leases that ran out first: their entries have waited longest.
        List<Long> due = new ArrayList<>(em.createNamedQuery(QueueEntry.FIND_LEASE_EXPIRED, Long.class)
                .setParameter("now", now)
                .setParameter("inDelivery", RecipientStatus.IN_DELIVERY)
                .setMaxResults(max)
                .getResultList());
        if (due.size() < max) {
            due.addAll(em.createNamedQuery(QueueEntry.FIND_WAITING_DUE, Long.class)
                    .setParameter("now", now)
                    .setParameter("waiting", List.of(RecipientStatus.QUEUED, RecipientStatus.DEFERRED))
                    .setMaxResults(max - due.size())
                    .getResultList());
        }
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
     * Records what became of claimed entries, and stores the reports they call for, one per
     * message and kind (RFC 3461 §4.1): a bounce for the recipients that failed for good (NOTIFY
     * FAILURE, the default), a delay notice once for those deferred longer than the reporting's
     * delay (NOTIFY=DELAY), a "relayed" notice for those taken by a server without DSN (NOTIFY
     * SUCCESS). The trail gets each attempt and its outcome in the same transaction. An entry no longer held by the decision's claim (its lease ran out and another
     * runner took it) is left alone.
     */
    public void record(List<Decision> decisions, Reporting reporting) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Map<StoredMessage, Map<DsnAction, List<RecipientReport>>> reports = new LinkedHashMap<>();
        List<TrailStep> trail = new ArrayList<>();
        List<QueueEntry> bounced = new ArrayList<>();
        for (Decision decision : decisions) {
            QueueEntry entry = em.find(QueueEntry.class, decision.entryId());
            if (entry == null || !Objects.equals(decision.claimToken(), entry.getClaimToken())) {
                continue;
            }
            DsnAction report = switch (decision.kind()) {
                case DELIVERED -> delivered(entry, decision);
                case DEFERRED -> deferred(entry, decision, reporting, now);
                case BOUNCED -> {
                    entry.bounced(decision.reply());
                    bounced.add(entry);
                    yield reporting.wantsFailure(entry.getNotify()) ? DsnAction.FAILED : null;
                }
            };
            trail.addAll(TrailSteps.ofDecision(entry, decision, now));
            if (report != null) {
                String status = report == DsnAction.RELAYED ? "2.0.0"
                        : decision.status() != null ? decision.status() : DeliveryReport.status(decision.reply());
                reports.computeIfAbsent(entry.getStoredMessage(), m -> new EnumMap<>(DsnAction.class))
                        .computeIfAbsent(report, a -> new ArrayList<>())
                        .add(new RecipientReport(entry.getRecipient(), entry.getOriginalRecipient(), status,
                                decision.remoteMta(), decision.reply(), now));
            }
        }
        Map<Long, String> failureReportedTo = new HashMap<>();
        reports.forEach((message, byAction) -> byAction.forEach((action, recipients) -> {
            String to = report(message, action, recipients, reporting);
            if (action == DsnAction.FAILED && to != null) {
                failureReportedTo.put(message.getId(), to);
            }
        }));
        for (QueueEntry entry : bounced) {
            trail.add(TrailSteps.bounced(entry, failureReportedTo.get(entry.getStoredMessage().getId()),
                    reporting.wantsFailure(entry.getNotify()), now));
        }
        TrailLog.write(em, trail);
    }

    private static DsnAction delivered(QueueEntry entry, Decision decision) {
        entry.delivered(decision.reply());
        return decision.relayed() && Reporting.wantsSuccess(entry.getNotify()) ? DsnAction.RELAYED : null;
    }

    private static DsnAction deferred(QueueEntry entry, Decision decision, Reporting reporting, Instant now) {
        entry.deferred(decision.reply(), decision.nextAttempt());
        if (entry.isDelayReported() || now.isBefore(entry.getCreated().plus(reporting.delayNotice()))
                || !reporting.wantsDelay(entry.getNotify())) {
            return null;
        }
        entry.delayReported();
        return DsnAction.DELAYED;
    }

    /** Whether {@code domain} (lower case) is one of ours: then its mail does not leave. */
    public boolean isLocalDomain(String domain) {
        return !em.createNamedQuery(Domain.FIND_BY_NAME, Domain.class).setParameter("name", domain)
                .getResultList().isEmpty();
    }

    /**
     * Delivers claimed entries of a domain that has become ours since they were queued into the
     * mailboxes their addresses now name, as acceptance would have; an address nobody has here
     * bounces ({@code 5.1.1}).
     */
    public void deliverLocally(List<ClaimedEntry> entries, Reporting reporting) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Decision> decisions = new ArrayList<>();
        List<TrailStep> trail = new ArrayList<>();
        for (ClaimedEntry claimed : entries) {
            Resolution resolution = AddressResolver.resolve(em, claimed.recipient());
            if (resolution.kind() != AddressInfo.Kind.LOCAL) {
                decisions.add(Decision.bounced(claimed, "550 5.1.1 <" + claimed.recipient() + ">: no such user here",
                        null, "5.1.1").withoutAttempt());
                continue;
            }
            StoredMessage message = em.getReference(StoredMessage.class, claimed.storedMessageId());
            for (LocalTarget mailbox : resolution.locals()) {
                em.persist(new MailboxMessage(em.getReference(Account.class, mailbox.accountId()), message,
                        message.getReceived(), message.getSize()));
                trail.add(TrailStep.of(message.getId(), now, TrailKind.STORED, mailbox.address(),
                        "for " + claimed.recipient() + ", whose domain is now local"));
            }
            for (String remote : resolution.remotes()) {
                em.persist(new QueueEntry(message, message.getReceived(), remote, claimed.dsnNotify(),
                        claimed.originalRecipient()));
                trail.add(TrailStep.of(message.getId(), now, TrailKind.QUEUED, remote,
                        "for " + claimed.recipient() + ", whose domain is now local"));
            }
            decisions.add(Decision.delivered(claimed, "250 2.0.0 Delivered here", reporting.reportingMta(), false)
                    .withoutAttempt());
        }
        TrailLog.write(em, trail);
        record(decisions, reporting);
    }

    /**
     * A report goes to the sender. A message with the null sender is never bounced (RFC 5321
     * §4.5.5): its failure goes to the postmaster once, and only to a mailbox here, so that
     * notice is never queued and cannot fail in turn (Postfix's double-bounce rule); it gets no
     * delay or relay notices at all. Delay and relay notices return the header section only
     * (RFC 3461 §4.3).
     *
     * @return to whom the report went, or {@code null} when it was not sent
     */
    private String report(StoredMessage message, DsnAction action, List<RecipientReport> recipients,
                          Reporting reporting) {
        if (message.getSender().isEmpty() && action != DsnAction.FAILED) {
            return null;
        }
        String to = message.getSender().isEmpty() ? reporting.postmaster() : message.getSender();
        Resolution resolution = AddressResolver.resolve(em, to);
        boolean mailboxHere = resolution.kind() == AddressInfo.Kind.LOCAL && resolution.remotes().isEmpty();
        if (resolution.kind() == AddressInfo.Kind.UNKNOWN_LOCAL || message.getSender().isEmpty() && !mailboxHere) {
            LOG.warning(() -> "Not reporting (" + action.field() + ") on message " + message.getId() + " from <"
                    + message.getSender() + "> to " + to + ", which has no mailbox here: " + recipients);
            return null;
        }
        boolean whole = action == DsnAction.FAILED && message.getDsnReturn() != DsnReturn.HDRS
                && message.getSize() <= reporting.returnedLimit();
        byte[] original = original(message.getId(), whole);
        byte[] report = DeliveryReport.build(reporting.reportingMta(), to, message.getEnvelopeId(),
                message.getReceived(), action, recipients, original, whole);
        String trace = "Received: by " + reporting.reportingMta() + " (delivery status notification);\r\n\t"
                + DATE.format(Instant.now()) + "\r\n";
        MessageStore.accept(em, new IncomingMessage("", List.of(IncomingMessage.Recipient.of(to)), null, null,
                trace, new ByteArrayInputStream(report), report.length,
                IncomingMessage.GENERATED_HERE + ": delivery status notification (" + action.field() + ") on message "
                        + message.getId()));
        return to;
    }

    /** The original as a bounce returns it: whole, or its header section up to the blank line. */
    private byte[] original(long storedMessageId, boolean whole) {
        try {
            return withContent(storedMessageId, content -> whole ? content.readAllBytes() : headerSection(content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] headerSection(InputStream stored) throws IOException {
        InputStream content = new BufferedInputStream(stored);
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
