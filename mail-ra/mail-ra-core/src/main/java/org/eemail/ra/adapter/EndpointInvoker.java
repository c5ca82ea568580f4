// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.adapter;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
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

    public EndpointInvoker(MessageEndpointFactory factory, Class<L> listener, int maxConcurrent) {
        this.factory = factory;
        this.listener = listener;
        this.turns = new Semaphore(maxConcurrent, true);
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
        try {
            if (transacted) {
                endpoint.beforeDelivery(method);
            }
            result = call.apply(listener.cast(endpoint));
        } catch (ResourceException | NoSuchMethodException | RuntimeException e) {
            failure = new EndpointFailure(listener.getSimpleName() + " failed", e);
        } finally {
            failure = transacted ? afterDelivery(endpoint, failure) : failure;
            endpoint.release();
        }
        if (failure != null) {
            throw failure;
        }
        return result;
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
