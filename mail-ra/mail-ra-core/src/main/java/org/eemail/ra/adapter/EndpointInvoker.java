// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.adapter;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The one place that calls a message-driven bean: create an endpoint, {@code beforeDelivery},
 * invoke, {@code afterDelivery} in every case, release. With a transacted delivery the container
 * commits in {@code afterDelivery}, so a result is returned only once its transaction committed:
 * that is what lets SMTP answer 250 only for a message that is durably stored.
 *
 * <p>An endpoint is created per call and used by one thread only (JCA §13.5.4). At most
 * {@code maxConcurrent} calls are under way at once; more wait for a turn. Payara refuses an
 * endpoint outright once its bean pool (32 by default) is exhausted, so without this bound a
 * burst of sessions would get 451 instead of waiting a few milliseconds.
 *
 * @param <L> the listener interface the bean implements
 */
public final class EndpointInvoker<L> {

    private static final long TURN_WAIT_SECONDS = 30;

    private final MessageEndpointFactory factory;
    private final Class<L> listener;
    private final Map<Method, Boolean> transacted = new ConcurrentHashMap<>();
    private final Semaphore turns;
    private final TransactionSynchronizationRegistry transactions;

    public EndpointInvoker(MessageEndpointFactory factory, Class<L> listener, int maxConcurrent) {
        this(factory, listener, maxConcurrent, null);
    }

    /**
     * @param transactions when given, a transacted call counts as failed unless its transaction
     *                     committed: a bean that only called {@code setRollbackOnly()} returns
     *                     normally, and the container's {@code afterDelivery} need not throw
     */
    public EndpointInvoker(MessageEndpointFactory factory, Class<L> listener, int maxConcurrent,
                           TransactionSynchronizationRegistry transactions) {
        this.factory = factory;
        this.listener = listener;
        this.turns = new Semaphore(maxConcurrent, true);
        this.transactions = transactions;
    }

    /**
     * Calls the bean.
     *
     * @param method the listener method that {@code call} invokes: its transaction attribute
     *               decides whether the delivery is bracketed by a container transaction
     * @throws EndpointFailure when the bean threw, the transaction did not commit, or no endpoint
     *                         could be had; the caller answers with a temporary failure
     */
    public <R> R invoke(Method method, Function<L, R> call) {
        try {
            if (!turns.tryAcquire(TURN_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new EndpointFailure("no turn for " + listener.getSimpleName() + " within " + TURN_WAIT_SECONDS + " s", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EndpointFailure("interrupted while waiting for " + listener.getSimpleName(), e);
        }
        try {
            return invokeEndpoint(method, call);
        } finally {
            turns.release();
        }
    }

    private <R> R invokeEndpoint(Method method, Function<L, R> call) {
        boolean transacted = isTransacted(method);
        MessageEndpoint endpoint;
        try {
            endpoint = factory.createEndpoint(null);
        } catch (UnavailableException e) {
            throw new EndpointFailure("no bean available for " + listener.getSimpleName(), e);
        }
        R result = null;
        RuntimeException failure = null;
        Outcome outcome = null;
        try {
            if (transacted) {
                endpoint.beforeDelivery(method);
                outcome = watch();
            }
            result = call.apply(listener.cast(endpoint));
        } catch (ResourceException | NoSuchMethodException | RuntimeException e) {
            failure = new EndpointFailure(listener.getSimpleName() + " failed", e);
        } finally {
            failure = transacted ? afterDelivery(endpoint, failure) : failure;
            endpoint.release();
        }
        if (failure == null && outcome != null && outcome.status != Status.STATUS_COMMITTED) {
            failure = new EndpointFailure("the transaction of " + listener.getSimpleName()
                    + " did not commit (status " + outcome.status + ")", null);
        }
        if (failure != null) {
            throw failure;
        }
        return result;
    }

    /** Follows the transaction that beforeDelivery began on this thread, if asked to. */
    private Outcome watch() {
        if (transactions == null) {
            return null;
        }
        Outcome outcome = new Outcome();
        transactions.registerInterposedSynchronization(outcome);
        return outcome;
    }

    /** How the delivery's transaction ended; unknown until it completed. */
    private static final class Outcome implements Synchronization {

        private volatile int status = Status.STATUS_UNKNOWN;

        @Override
        public void beforeCompletion() {
            // only the outcome matters
        }

        @Override
        public void afterCompletion(int status) {
            this.status = status;
        }
    }

    private boolean isTransacted(Method method) {
        return transacted.computeIfAbsent(method, m -> {
            try {
                return factory.isDeliveryTransacted(m);
            } catch (NoSuchMethodException e) {
                throw new EndpointFailure("the bean has no " + m, e);
            }
        });
    }

    private RuntimeException afterDelivery(MessageEndpoint endpoint, RuntimeException failure) {
        try {
            endpoint.afterDelivery();
            return failure;
        } catch (ResourceException | RuntimeException e) {
            return failure != null ? failure : new EndpointFailure("the transaction of " + listener.getSimpleName() + " did not commit", e);
        }
    }

    /** A bean call that did not complete; nothing it did was committed. */
    public static final class EndpointFailure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        EndpointFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
