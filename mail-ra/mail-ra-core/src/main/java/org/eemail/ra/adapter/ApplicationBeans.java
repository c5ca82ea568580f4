// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.adapter;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.eemail.api.MailConsumer;
import org.eemail.api.MailPolicy;
import org.eemail.ra.hook.ConsumerRegistry;
import org.eemail.ra.hook.PolicyChain;

/**
 * The applications' beans: their {@link MailPolicy} and {@link MailConsumer} activations, each
 * validated and then called through its own {@link EndpointInvoker}. Thread-safe.
 */
final class ApplicationBeans {

    private static final Logger LOG = System.getLogger(ApplicationBeans.class.getName());
    /** Per bean, below Payara's default bean pool of 32. */
    private static final int MAX_CONCURRENT_CALLS = 16;

    private final PolicyChain policies;
    private final ConsumerRegistry consumers = new ConsumerRegistry();
    private final TransactionSynchronizationRegistry transactions;
    private final Map<MessageEndpointFactory, PolicyChain.Target> policyTargets = new ConcurrentHashMap<>();
    private final Map<MessageEndpointFactory, ConsumerRegistry.Target> consumerTargets = new ConcurrentHashMap<>();

    /**
     * @param calls        runs each policy call, so the session can stop waiting at the budget
     * @param transactions tells whether a consumer's transaction committed
     */
    ApplicationBeans(Executor calls, TransactionSynchronizationRegistry transactions) {
        this.policies = new PolicyChain(calls);
        this.transactions = transactions;
    }

    PolicyChain policies() {
        return policies;
    }

    ConsumerRegistry consumers() {
        return consumers;
    }

    void activate(MessageEndpointFactory factory, PolicyActivationSpec spec) throws ResourceException {
        spec.validate();
        EndpointInvoker<MailPolicy> invoker = new EndpointInvoker<>(factory, MailPolicy.class, MAX_CONCURRENT_CALLS);
        PolicyChain.Target target = invoker::invoke;
        policies.add(new PolicyChain.Member(factory.getActivationName(), spec.priorityOrZero(), spec.selection(),
                spec.timeBudget(), target));
        policyTargets.put(factory, target);
        LOG.log(Level.INFO, "Mail policy " + factory.getActivationName() + " active: " + spec.selection()
                + ", priority " + spec.priorityOrZero() + ", budget " + spec.timeBudget().toMillis() + " ms");
    }

    void activate(MessageEndpointFactory factory, ConsumerActivationSpec spec) throws ResourceException {
        spec.validate();
        ConsumerActivationSpec.ConsumerSettings settings = spec.consumer();
        EndpointInvoker<MailConsumer> invoker = new EndpointInvoker<>(factory, MailConsumer.class,
                MAX_CONCURRENT_CALLS, transactions);
        ConsumerRegistry.Target target = (method, call) -> invoker.invoke(method, c -> {
            call.accept(c);
            return null;
        });
        try {
            consumers.add(new ConsumerRegistry.Member(settings.name(), spec.priorityOrZero(), spec.selection(),
                    settings.consumes(), settings.maxAttempts(), target));
        } catch (IllegalStateException duplicate) {
            throw ApplicationActivationSpec.invalid("consumerName", settings.name(), "a name no other active consumer has");
        }
        consumerTargets.put(factory, target);
        LOG.log(Level.INFO, "Mail consumer " + settings.name() + " (" + factory.getActivationName() + ") active: "
                + spec.selection() + ", priority " + spec.priorityOrZero() + (settings.consumes() ? ", consumes" : ""));
    }

    /** Removes the bean of {@code factory}; false if it was none of the applications'. */
    boolean deactivate(MessageEndpointFactory factory) {
        PolicyChain.Target policy = policyTargets.remove(factory);
        if (policy != null) {
            return policies.remove(policy);
        }
        ConsumerRegistry.Target consumer = consumerTargets.remove(factory);
        return consumer != null && consumers.remove(consumer);
    }
}
