// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.hook;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.eemail.api.MailEnvelope;
import org.eemail.api.MailPolicy;
import org.eemail.api.PolicyVerdict;
import org.eemail.api.ReceivedMessage;
import org.eemail.ra.api.Verdict;

/**
 * The applications' {@link MailPolicy} beans, asked in order while an SMTP client waits: lowest
 * priority first, then by name. The first rejection or deferral is the answer. A call over its
 * time budget, or one that throws, is a deferral ({@code 451 4.3.0}): the client may try again and
 * the session goes on. Thread-safe; beans come and go while sessions run.
 */
public final class PolicyChain {

    private static final Logger LOG = System.getLogger(PolicyChain.class.getName());
    private static final Method CHECK_RECIPIENT = method("checkRecipient", MailEnvelope.class, String.class);
    private static final Method CHECK_MESSAGE = method("checkMessage", MailEnvelope.class, ReceivedMessage.class);

    /** How a bean is called: in the adapter through its endpoint, in tests directly. */
    @FunctionalInterface
    public interface Target {
        PolicyVerdict invoke(Method method, Function<MailPolicy, PolicyVerdict> call);
    }

    /**
     * One activated policy bean.
     *
     * @param name      the bean's activation name, for logs and the order among equal priorities
     * @param priority  lower runs first
     * @param selection which mail it sees
     * @param budget    how long one call may take
     * @param target    the bean
     */
    public record Member(String name, int priority, Selection selection, Duration budget, Target target) {

        public Member {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(selection, "selection");
            Objects.requireNonNull(budget, "budget");
            Objects.requireNonNull(target, "target");
        }
    }

    private final Executor executor;
    private final OrderedMembers<Member> members = new OrderedMembers<>(Member::priority, Member::name);

    /** @param executor runs each call, so the waiting session can give up at the budget */
    public PolicyChain(Executor executor) {
        this.executor = executor;
    }

    private static Method method(String name, Class<?>... parameters) {
        try {
            return MailPolicy.class.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    public synchronized void add(Member member) {
        members.add(member);
    }

    /** Removes the member of {@code target}; true if there was one. */
    public synchronized boolean remove(Target target) {
        return members.removeIf(m -> m.target() == target);
    }

    /** Whether no policy is active, so the checks can be skipped. */
    public boolean isEmpty() {
        return members.all().isEmpty();
    }

    /** The verdict on one more recipient of the transaction {@code soFar}. */
    public Verdict checkRecipient(MailEnvelope soFar, String recipient) {
        for (Member member : members.all()) {
            if (member.selection().matches(soFar.sender(), recipient)) {
                Verdict verdict = ask(member, CHECK_RECIPIENT, p -> p.checkRecipient(soFar, recipient));
                if (verdict.kind() != Verdict.Kind.ACCEPT) {
                    return verdict;
                }
            }
        }
        return Verdict.accept();
    }

    /** The verdict on a whole message, from the policies that see at least one of its recipients. */
    public Verdict checkMessage(MailEnvelope envelope, ReceivedMessage message) {
        for (Member member : members.all()) {
            if (member.selection().senderMatches(envelope.sender())
                    && envelope.recipients().stream().anyMatch(member.selection()::recipientMatches)) {
                Verdict verdict = ask(member, CHECK_MESSAGE, p -> p.checkMessage(envelope, message));
                if (verdict.kind() != Verdict.Kind.ACCEPT) {
                    return verdict;
                }
            }
        }
        return Verdict.accept();
    }

    private Verdict ask(Member member, Method method, Function<MailPolicy, PolicyVerdict> call) {
        CompletableFuture<PolicyVerdict> answer = CompletableFuture.supplyAsync(
                () -> member.target().invoke(method, call), executor);
        try {
            PolicyVerdict verdict = answer.get(member.budget().toMillis(), TimeUnit.MILLISECONDS);
            return verdict(Objects.requireNonNull(verdict, "the policy returned null"));
        } catch (TimeoutException late) {
            LOG.log(Level.WARNING, "policy " + member.name() + " gave no verdict within " + member.budget().toMillis()
                    + " ms; answered 451");
            return Verdict.defer();
        } catch (ExecutionException failure) {
            LOG.log(Level.WARNING, "policy " + member.name() + " failed; answered 451", failure.getCause());
            return Verdict.defer();
        } catch (RuntimeException failure) {
            LOG.log(Level.WARNING, "policy " + member.name() + " failed; answered 451", failure);
            return Verdict.defer();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Verdict.defer();
        }
    }

    private static Verdict verdict(PolicyVerdict verdict) {
        return switch (verdict.kind()) {
            case ACCEPT -> Verdict.accept();
            case REJECT -> verdict.reply().map(r -> Verdict.reject(r.code(), r.enhanced(), r.text())).orElseGet(Verdict::reject);
            case DEFER -> verdict.reply().map(r -> Verdict.defer(r.code(), r.enhanced(), r.text())).orElseGet(Verdict::defer);
        };
    }
}
