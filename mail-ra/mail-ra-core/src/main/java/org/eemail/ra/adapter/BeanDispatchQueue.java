// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.adapter;

import java.io.OutputStream;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.eemail.ra.api.ConsumerDispatch;
import org.eemail.ra.api.DispatchQueue;

/** The mail application's {@link DispatchQueue} bean, called through its endpoint. */
final class BeanDispatchQueue implements DispatchQueue {

    private static final Method CLAIM_DUE = BeanBackend.method(DispatchQueue.class, "claimDue", Set.class, int.class, Duration.class);
    private static final Method COPY = BeanBackend.method(DispatchQueue.class, "copy", long.class, OutputStream.class);
    private static final Method SUCCEEDED = BeanBackend.method(DispatchQueue.class, "succeeded", long.class);
    private static final Method FAILED = BeanBackend.method(DispatchQueue.class, "failed", long.class, String.class,
            Duration.class, boolean.class);

    private final EndpointInvoker<DispatchQueue> bean;

    BeanDispatchQueue(EndpointInvoker<DispatchQueue> bean) {
        this.bean = bean;
    }

    @Override
    public List<ConsumerDispatch> claimDue(Set<String> consumers, int max, Duration claim) {
        return bean.invoke(CLAIM_DUE, q -> q.claimDue(consumers, max, claim));
    }

    @Override
    public boolean copy(long messageId, OutputStream out) {
        return bean.invoke(COPY, q -> q.copy(messageId, out));
    }

    @Override
    public void succeeded(long dispatchId) {
        bean.invoke(SUCCEEDED, q -> {
            q.succeeded(dispatchId);
            return null;
        });
    }

    @Override
    public void failed(long dispatchId, String error, Duration retryIn, boolean park) {
        bean.invoke(FAILED, q -> {
            q.failed(dispatchId, error, retryIn, park);
            return null;
        });
    }
}
