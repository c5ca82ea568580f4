// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eemail.ejb.domain.Account;
import org.eemail.ejb.domain.InvalidAddressException;
import org.eemail.ejb.domain.MailAddress;
import org.eemail.ejb.domain.MailboxMessage;
import org.eemail.ejb.domain.MaildropLock;
import org.eemail.ejb.security.ApopKey;
import org.eemail.ejb.security.ApopSecrets;
import org.eemail.ra.api.MaildropEntry;
import org.eemail.ra.api.PartialOutput;

/**
 * The maildrops as POP3 sees them (RFC 1939): the lock that lets one session at a time open a
 * maildrop, the list fixed at login, message content, and the removals of the UPDATE state. Joins
 * the caller's transaction: the POP3 bean's.
 */
@Stateless
public class MaildropStore {

    /** Ids per statement when removing: well below PostgreSQL's limit on parameters. */
    private static final int BATCH = 500;
    /** Octets read per step when copying a message: a TOP that is complete stops after one more. */
    static final int CHUNK = 16 * 1024;

    @PersistenceContext(unitName = "mail")
    private EntityManager em;

    /** The APOP key's holder; the tests set their own. */
    ApopSecrets apopSecrets;

    /**
     * Locks {@code address}'s maildrop for the holder until {@code lease} from now and lists it,
     * oldest first. The account row is locked first, so two logins to one maildrop queue up here
     * instead of racing to insert the lock.
     *
     * @return the messages, or empty when another holder's lock has not expired
     * @throws StoreException NOT_FOUND when the account no longer exists
     */
    public Optional<List<MaildropEntry>> open(String address, String instance, String session, Duration lease) {
        Account account = account(address).orElseThrow(() -> StoreException.notFound("no such account: " + address));
        em.lock(account, LockModeType.PESSIMISTIC_WRITE);
        Instant now = now();
        Instant until = now.plus(lease);
        MaildropLock lock = em.find(MaildropLock.class, account.getId());
        if (lock == null) {
            em.persist(new MaildropLock(account.getId(), instance, session, now, until));
        } else if (lock.getExpires().isBefore(now) || lock.isHeldBy(instance, session)) {
            lock.takeOver(instance, session, now, until);
        } else {
            return Optional.empty();
        }
        List<MaildropEntry> entries = new ArrayList<>();
        for (Object[] row : em.createNamedQuery(MailboxMessage.LIST_MAILDROP, Object[].class)
                .setParameter("account", account.getId()).getResultList()) {
            entries.add(new MaildropEntry((Long) row[0], (Long) row[1]));
        }
        return Optional.of(entries);
    }

    /**
     * Writes message {@code uid} of {@code address}'s maildrop to {@code out}, streamed from the
     * database inside the caller's transaction, and only as far as a {@link PartialOutput} wants.
     *
     * @return false when the account has no such message
     */
    public boolean copy(String address, long uid, OutputStream out) {
        // One query checks the entry and its owner: RETR is the hot path of POP3.
        Optional<Long> stored = em.createNamedQuery(MailboxMessage.STORED_ID_IN_MAILDROP, Long.class)
                .setParameter("id", uid).setParameter("address", address)
                .getResultStream().findFirst();
        if (stored.isEmpty()) {
            return false;
        }
        Optional<InputStream> content = MessageContent.read(em, stored.get());
        if (content.isEmpty()) {
            return false;
        }
        try (InputStream in = content.get()) {
            transfer(in, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot send message " + uid, e);
        }
        return true;
    }

    /**
     * The whole content of those of the entries {@code uids} that are in {@code address}'s
     * maildrop, by uid, read in one query: POP3 reads small messages ahead of the client's RETRs.
     */
    public Map<Long, byte[]> read(String address, List<Long> uids) {
        return uids.isEmpty() ? Map.of() : MessageContent.readWhole(em, address, uids);
    }

    /**
     * Copies in chunks of {@value #CHUNK} octets, and stops reading once a {@link PartialOutput}
     * is complete: closing the stream then leaves the rest of the content unread.
     */
    static void transfer(InputStream in, OutputStream out) throws IOException {
        byte[] chunk = new byte[CHUNK];
        int read;
        while (!(out instanceof PartialOutput partial && partial.complete()) && (read = in.read(chunk)) != -1) {
            out.write(chunk, 0, read);
        }
    }

    /**
     * RFC 1939 §6: removes {@code uids} from the maildrop, then each stored message that neither a
     * mailbox nor a queue entry refers to any more, then the lock. The stored messages are locked
     * before their references are counted, so two sessions that remove the last two references at
     * once cannot both leave the message behind.
     *
     * @return false, with nothing removed, when the holder no longer holds the lock
     */
    public boolean update(String address, String instance, String session, Collection<Long> uids) {
        Optional<Account> account = account(address);
        if (account.isEmpty()) {
            return false;
        }
        long accountId = account.get().getId();
        MaildropLock lock = em.find(MaildropLock.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        if (lock == null || !lock.isHeldBy(instance, session)) {
            return false;
        }
        List<Long> all = List.copyOf(uids);
        for (int from = 0; from < all.size(); from += BATCH) {
            remove(accountId, all.subList(from, Math.min(all.size(), from + BATCH)));
        }
        em.remove(lock);
        return true;
    }

    /**
     * The administrator's delete of one message: removed from the mailbox, and the stored message
     * with it when nothing else refers to it, as a POP3 DELE and QUIT would. Refused while a POP3
     * session holds the maildrop, whose listing fixed at login still names the message.
     *
     * @throws StoreException NOT_FOUND without such an account or message, CONFLICT while the
     *                        maildrop is locked
     */
    public void delete(MailAddress address, long uid) {
        Account account = account(address.toString())
                .orElseThrow(() -> StoreException.notFound("no such account: " + address));
        em.lock(account, LockModeType.PESSIMISTIC_WRITE);
        MaildropLock lock = em.find(MaildropLock.class, account.getId());
        if (lock != null && !lock.getExpires().isBefore(now())) {
            throw StoreException.conflict("a POP3 session has the maildrop of " + address
                    + " open; try again when it ends");
        }
        if (em.createNamedQuery(MailboxMessage.STORED_ID_IN_MAILDROP, Long.class)
                .setParameter("id", uid).setParameter("address", address.toString()).getResultList().isEmpty()) {
            throw StoreException.notFound("no message " + uid + " in the mailbox of " + address);
        }
        remove(account.getId(), List.of(uid));
    }

    private void remove(long accountId, List<Long> uids) {
        List<Long> stored = em.createNamedQuery(MailboxMessage.STORED_IDS, Long.class)
                .setParameter("account", accountId).setParameter("ids", uids).getResultList();
        if (!stored.isEmpty()) {
            em.createQuery("SELECT s.id FROM StoredMessage s WHERE s.id IN :ids ORDER BY s.id", Long.class)
                    .setParameter("ids", stored).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        }
        em.createNamedQuery(MailboxMessage.DELETE_FROM_MAILDROP)
                .setParameter("account", accountId).setParameter("ids", uids).executeUpdate();
        UnreferencedMessages.delete(em, stored);
    }

    /** Gives the holder's lock back, if it still has it; removes nothing. */
    public void release(String instance, String session) {
        em.createQuery("DELETE FROM MaildropLock l WHERE l.holderInstance = :instance AND l.holderSession = :session")
                .setParameter("instance", instance).setParameter("session", session).executeUpdate();
    }

    /** Extends every lock of {@code instance} to {@code lease} from now. */
    public void renew(String instance, Duration lease) {
        em.createNamedQuery(MaildropLock.RENEW)
                .setParameter("instance", instance).setParameter("expires", now().plus(lease)).executeUpdate();
    }

    /** Gives back every lock of {@code instance}. */
    public void releaseAll(String instance) {
        em.createNamedQuery(MaildropLock.RELEASE_ALL).setParameter("instance", instance).executeUpdate();
    }

    /**
     * The account's address when {@code digest} is the MD5 of {@code timestamp} and its APOP
     * secret (RFC 1939 §7). Unknown, disabled and secretless accounts cost the same digest and
     * compare against a made-up one, so the answer's time does not tell them apart.
     */
    public Optional<String> authenticateApop(String username, String timestamp, String digest) {
        Optional<Account> account = parse(username).flatMap(a -> account(a.toString()));
        Optional<String> secret = account.filter(Account::isEnabled).map(Account::getApopSecret)
                .map(encrypted -> secrets().decrypt(encrypted));
        String expected = md5Hex(timestamp + secret.orElse(""));
        boolean valid = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                digest.getBytes(StandardCharsets.US_ASCII)) & secret.isPresent();
        return valid ? account.map(Account::getAddress) : Optional.empty();
    }

    private ApopSecrets secrets() {
        return apopSecrets != null ? apopSecrets : ApopKey.secrets();
    }

    static String md5Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return String.format("%032x", new BigInteger(1, digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<Account> account(String address) {
        return em.createNamedQuery(Account.FIND_BY_ADDRESS, Account.class)
                .setParameter("address", address).getResultStream().findFirst();
    }

    private static Optional<MailAddress> parse(String address) {
        try {
            return Optional.of(MailAddress.parse(address));
        } catch (InvalidAddressException e) {
            return Optional.empty();
        }
    }

    /** At the precision both databases keep, so a lock reads back as written. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
