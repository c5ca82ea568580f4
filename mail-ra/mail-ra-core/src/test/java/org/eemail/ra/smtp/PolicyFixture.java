// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp;

import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eemail.api.MailEnvelope;
import org.eemail.api.MailPolicy;
import org.eemail.api.PolicyVerdict;
import org.eemail.api.ReceivedMessage;
import org.eemail.ra.hook.AddressPattern;
import org.eemail.ra.hook.PolicyChain;
import org.eemail.ra.hook.Selection;

/**
 * The application policies of {@code transcripts/POLICY-README.txt}, as plain objects in a
 * {@link PolicyChain}: the same behaviour the test policy beans of the integration tests have.
 */
public final class PolicyFixture {

    /** Budget of the slow policy; it sleeps {@link #SLOW_SLEEP}. */
    public static final Duration SLOW_BUDGET = Duration.ofMillis(200);
    public static final Duration SLOW_SLEEP = Duration.ofSeconds(2);

    private static final ExecutorService CALLS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "policy-fixture");
        thread.setDaemon(true);
        return thread;
    });

    private PolicyFixture() {
    }

    /** A chain with the fixture's four policies. */
    public static PolicyChain chain() {
        PolicyChain chain = new PolicyChain(CALLS);
        chain.add(member("blocked-sender", 10, selection(null, "blocked@spam.test"), Duration.ofSeconds(5),
                rcpt -> PolicyVerdict.reject(550, "5.7.1", "Sender blocked by policy")));
        chain.add(member("slow", 20, selection("slow@example.test", null), SLOW_BUDGET, rcpt -> {
            try {
                Thread.sleep(SLOW_SLEEP.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return PolicyVerdict.accept();
        }));
        chain.add(member("broken", 30, selection("broken@example.test", null), Duration.ofSeconds(5), rcpt -> {
            throw new IllegalStateException("the policy bean is broken");
        }));
        chain.add(new PolicyChain.Member("subject", 40, selection("checked@example.test", null), Duration.ofSeconds(5),
                (method, call) -> call.apply(new SubjectPolicy())));
        return chain;
    }

    private static PolicyChain.Member member(String name, int priority, Selection selection, Duration budget,
                                             java.util.function.Function<String, PolicyVerdict> onRecipient) {
        MailPolicy policy = new MailPolicy() {
            @Override
            public PolicyVerdict checkRecipient(MailEnvelope envelope, String recipient) {
                return onRecipient.apply(recipient);
            }

            @Override
            public PolicyVerdict checkMessage(MailEnvelope envelope, ReceivedMessage message) {
                return PolicyVerdict.accept();
            }
        };
        return new PolicyChain.Member(name, priority, selection, budget, (method, call) -> call.apply(policy));
    }

    private static Selection selection(String recipient, String sender) {
        return new Selection(Optional.ofNullable(recipient).map(AddressPattern::of), Optional.empty(),
                Optional.ofNullable(sender).map(AddressPattern::of));
    }

    /** Refuses a message whose subject says "forbidden"; defers one that says "later". */
    private static final class SubjectPolicy implements MailPolicy {

        @Override
        public PolicyVerdict checkRecipient(MailEnvelope envelope, String recipient) {
            return PolicyVerdict.accept();
        }

        @Override
        public PolicyVerdict checkMessage(MailEnvelope envelope, ReceivedMessage message) {
            try {
                String subject = String.valueOf(message.mime().getSubject());
                if (subject.contains("forbidden")) {
                    return PolicyVerdict.reject(550, "5.7.1", "Subject refused by policy");
                }
                if (subject.contains("later")) {
                    return PolicyVerdict.defer(451, "4.7.1", "Subject deferred by policy");
                }
                return PolicyVerdict.accept();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
