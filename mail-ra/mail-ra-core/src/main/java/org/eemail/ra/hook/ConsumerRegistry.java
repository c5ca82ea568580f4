// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.hook;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.eemail.api.MailConsumer;
import org.eemail.ra.api.ConsumerRoute;
import org.eemail.ra.api.Envelope;
import org.eemail.ra.api.Recipient;

/**
 * The applications' active {@link MailConsumer} beans: which accepted messages go to which, and
 * which addresses they take for themselves. Thread-safe; beans come and go while mail arrives.
 */
public final class ConsumerRegistry {

    /** How a bean is called: in the adapter through its endpoint, in tests directly. */
    @FunctionalInterface
    public interface Target {
        /**
         * Calls the bean in its transaction.
         *
         * @throws RuntimeException when the call threw or its transaction did not commit
         */
        void deliver(Method method, Consumer<MailConsumer> call);
    }

    /**
     * One activated consumer bean.
     *
     * @param name        its durable {@code consumerName}
     * @param priority    lower is called first among the consumers of one message
     * @param selection   which mail it receives
     * @param consumes    whether the recipients it matches are the application's alone
     * @param maxAttempts calls before a dispatch is parked
     * @param target      the bean
     */
    public record Member(String name, int priority, Selection selection, boolean consumes, int maxAttempts,
                         Target target) {

        public Member {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(selection, "selection");
            Objects.requireNonNull(target, "target");
        }
    }

    private final OrderedMembers<Member> members = new OrderedMembers<>(Member::priority, Member::name);

    /** @throws IllegalStateException when a consumer of that name is active already */
    public synchronized void add(Member member) {
        if (find(member.name()).isPresent()) {
            throw new IllegalStateException("a consumer named " + member.name() + " is active already");
        }
        members.add(member);
    }

    /** Removes the member of {@code target}; true if there was one. */
    public synchronized boolean remove(Target target) {
        return members.removeIf(m -> m.target() == target);
    }

    public Optional<Member> find(String name) {
        return members.all().stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** The names of the active consumers. */
    public Set<String> names() {
        return members.all().stream().map(Member::name).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether an active consumer takes {@code address} for itself. */
    public boolean consumes(String address) {
        return members.all().stream().anyMatch(m -> m.consumes() && m.selection().recipientMatches(address));
    }

    /** The consumers an accepted message goes to, lowest priority first. */
    public List<ConsumerRoute> routes(Envelope envelope) {
        List<ConsumerRoute> routes = new ArrayList<>();
        for (Member member : members.all()) {
            if (!member.selection().senderMatches(envelope.sender())) {
                continue;
            }
            List<String> matched = envelope.recipients().stream().map(Recipient::address)
                    .filter(member.selection()::recipientMatches).toList();
            if (!matched.isEmpty()) {
                routes.add(new ConsumerRoute(member.name(), member.priority(), matched, member.consumes()));
            }
        }
        return routes;
    }
}
