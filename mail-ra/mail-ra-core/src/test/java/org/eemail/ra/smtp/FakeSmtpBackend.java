// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp;

import org.eemail.ra.api.AddressInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eemail.api.MailEnvelope;
import org.eemail.ra.api.Envelope;
import org.eemail.ra.api.Verdict;
import org.eemail.ra.hook.ApplicationMail;
import org.eemail.ra.hook.PolicyChain;
import org.eemail.ra.protocol.MessageSink;

/**
 * The test fixture of {@code transcripts/README.txt} in memory: local domains example.test and
 * mx.test (the server's hostname); accounts alice (password alice-pw, unlimited), bob (bob-pw),
 * full (no quota left) and small (100 octets left), all {@code @example.test}; aliases
 * sales@example.test, postmaster@example.test and postmaster@mx.test for alice. Every other domain
 * is foreign. Records what it is asked to deliver; its verdict can be changed, or made to throw.
 */
public final class FakeSmtpBackend implements SmtpBackend {

    /** One message handed to {@link #deliver}, with its text read during the call. */
    public record Delivery(Envelope envelope, String traceHeader, byte[] message) {

        public String text() {
            return new String(message, StandardCharsets.UTF_8);
        }
    }

    private record Account(String password, long quotaLeft) {
    }

    private static final Set<String> LOCAL_DOMAINS = Set.of("example.test", "mx.test");
    private static final Map<String, Account> ACCOUNTS = Map.of(
            "alice@example.test", new Account("alice-pw", Long.MAX_VALUE),
            "bob@example.test", new Account("bob-pw", Long.MAX_VALUE),
            "full@example.test", new Account("full-pw", 0),
            "small@example.test", new Account("small-pw", 100));
    private static final Map<String, String> ALIASES = Map.of(
            "sales@example.test", "alice@example.test",
            "postmaster@example.test", "alice@example.test",
            "postmaster@mx.test", "alice@example.test",
            // the addresses of PolicyFixture
            "slow@example.test", "alice@example.test",
            "broken@example.test", "alice@example.test",
            "checked@example.test", "alice@example.test");

    private final List<Delivery> deliveries = new ArrayList<>();
    private final PolicyChain policies;
    private Verdict verdict = Verdict.accept();
    private RuntimeException failure;

    /** Without application policies. */
    public FakeSmtpBackend() {
        this(null);
    }

    /** With application policies, such as {@link PolicyFixture}'s; null for none. */
    public FakeSmtpBackend(PolicyChain policies) {
        this.policies = policies;
    }

    /** The verdict of every later delivery. */
    public void answer(Verdict next) {
        verdict = next;
    }

    /** Every later call throws {@code next}, as a broken database would. */
    public void failWith(RuntimeException next) {
        failure = next;
    }

    public List<Delivery> deliveries() {
        return deliveries;
    }

    private void maybeFail() {
        if (failure != null) {
            throw failure;
        }
    }

    private static String account(String address) {
        String key = address.toLowerCase(Locale.ROOT);
        return ALIASES.getOrDefault(key, key);
    }

    @Override
    public AddressInfo lookup(String address) {
        maybeFail();
        String domain = address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        if (!LOCAL_DOMAINS.contains(domain)) {
            return AddressInfo.FOREIGN;
        }
        Account account = ACCOUNTS.get(account(address));
        return account == null ? AddressInfo.UNKNOWN_LOCAL : AddressInfo.local(account.quotaLeft());
    }

    @Override
    public Optional<String> authenticate(String username, String password) {
        maybeFail();
        String name = username.toLowerCase(Locale.ROOT);
        Account account = ACCOUNTS.get(name);
        return account != null && account.password().equals(password) ? Optional.of(name) : Optional.empty();
    }

    @Override
    public boolean mayUseSender(String identity, String sender) {
        maybeFail();
        // the null sender carries notifications such as MDNs (RFC 8098 §2.1): any user may send them
        return sender.isEmpty() || account(sender).equals(identity);
    }

    @Override
    public Verdict checkRecipient(MailEnvelope soFar, String recipient) {
        return policies == null ? Verdict.accept() : policies.checkRecipient(soFar, recipient);
    }

    @Override
    public Verdict checkMessage(Envelope envelope, String id, MessageSink message) {
        return policies == null ? Verdict.accept()
                : policies.checkMessage(ApplicationMail.envelope(envelope), ApplicationMail.message(id, message));
    }

    @Override
    public Verdict deliver(Envelope envelope, String traceHeader, MessageSink message) {
        maybeFail();
        try (InputStream text = message.open()) {
            deliveries.add(new Delivery(envelope, traceHeader, text.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return verdict;
    }
}
