// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.lang.reflect.Method;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

class EndpointInvokerTest {

    /** A listener interface as a bean would implement it. */
    interface Greeter {
        String greet(String name);
    }

    private MessageEndpointFactory factory;
    private Greeter bean;
    private Method greet;

    @BeforeEach
    void setUp() throws Exception {
        factory = mock(MessageEndpointFactory.class);
        bean = mock(Greeter.class, withSettings().extraInterfaces(MessageEndpoint.class));
        greet = Greeter.class.getMethod("greet", String.class);
        when(factory.createEndpoint(any())).thenReturn((MessageEndpoint) bean);
    }

    @Test
    void aTransactedCallIsBracketedAndTheEndpointReleased() throws Exception {
        when(factory.isDeliveryTransacted(greet)).thenReturn(true);
        when(bean.greet("you")).thenReturn("hello you");
        assertEquals("hello you", new EndpointInvoker<>(factory, Greeter.class, 4).invoke(greet, g -> g.greet("you")));
        InOrder order = inOrder(bean);
        order.verify((MessageEndpoint) bean).beforeDelivery(greet);
        order.verify(bean).greet("you");
        order.verify((MessageEndpoint) bean).afterDelivery();
        order.verify((MessageEndpoint) bean).release();
    }

    @Test
    void aFailedCommitIsAFailureEvenThoughTheBeanReturned() throws Exception {
        when(factory.isDeliveryTransacted(greet)).thenReturn(true);
        when(bean.greet("you")).thenReturn("hello you");
        doThrow(new IllegalStateException("rolled back")).when((MessageEndpoint) bean).afterDelivery();
        EndpointInvoker<Greeter> invoker = new EndpointInvoker<>(factory, Greeter.class, 4);
        assertThrows(EndpointInvoker.EndpointFailure.class, () -> invoker.invoke(greet, g -> g.greet("you")));
        verify((MessageEndpoint) bean).release();
    }

    @Test
    void aThrowingBeanStillGetsAfterDeliveryAndRelease() throws Exception {
        when(factory.isDeliveryTransacted(greet)).thenReturn(true);
        when(bean.greet("you")).thenThrow(new IllegalArgumentException("boom"));
        EndpointInvoker<Greeter> invoker = new EndpointInvoker<>(factory, Greeter.class, 4);
        Function<Greeter, String> call = g -> g.greet("you");
        assertThrows(EndpointInvoker.EndpointFailure.class, () -> invoker.invoke(greet, call));
        verify((MessageEndpoint) bean).afterDelivery();
        verify((MessageEndpoint) bean).release();
    }

    @Test
    void anUntransactedCallSkipsTheBracket() throws Exception {
        when(factory.isDeliveryTransacted(greet)).thenReturn(false);
        when(bean.greet("me")).thenReturn("hi");
        assertEquals("hi", new EndpointInvoker<>(factory, Greeter.class, 4).invoke(greet, g -> g.greet("me")));
        verify((MessageEndpoint) bean, never()).beforeDelivery(any());
        verify((MessageEndpoint) bean).release();
    }

    @Test
    void noEndpointIsAFailure() throws Exception {
        when(factory.createEndpoint(any())).thenThrow(new UnavailableException("undeployed"));
        EndpointInvoker<Greeter> invoker = new EndpointInvoker<>(factory, Greeter.class, 4);
        assertThrows(EndpointInvoker.EndpointFailure.class, () -> invoker.invoke(greet, g -> g.greet("x")));
    }

    @Test
    void atMostMaxConcurrentCallsAreUnderWay() throws Exception {
        when(factory.isDeliveryTransacted(greet)).thenReturn(false);
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(4);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger now = new java.util.concurrent.atomic.AtomicInteger();
        when(bean.greet("x")).thenAnswer(call -> {
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
            inside.countDown();
            release.await();
            now.decrementAndGet();
            return "ok";
        });
        EndpointInvoker<Greeter> invoker = new EndpointInvoker<>(factory, Greeter.class, 4);
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(8);
        for (int i = 0; i < 8; i++) {
            callers.submit(() -> invoker.invoke(greet, g -> g.greet("x")));
        }
        inside.await();
        Thread.sleep(100);
        assertEquals(4, now.get(), "the other four wait for a turn");
        release.countDown();
        callers.shutdown();
        callers.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(4, most.get());
    }

    @Test
    void aRollbackWithoutAnExceptionIsAFailure() throws Exception {
        when(factory.isDeliveryTransacted(greet)).thenReturn(true);
        when(bean.greet("you")).thenReturn("hello you");
        jakarta.transaction.TransactionSynchronizationRegistry registry =
                mock(jakarta.transaction.TransactionSynchronizationRegistry.class);
        org.mockito.ArgumentCaptor<jakarta.transaction.Synchronization> sync =
                org.mockito.ArgumentCaptor.forClass(jakarta.transaction.Synchronization.class);
        // the container rolls back in afterDelivery, because the bean called setRollbackOnly()
        org.mockito.Mockito.doAnswer(call -> {
            sync.getValue().afterCompletion(jakarta.transaction.Status.STATUS_ROLLEDBACK);
            return null;
        }).when((MessageEndpoint) bean).afterDelivery();
        org.mockito.Mockito.doNothing().when(registry).registerInterposedSynchronization(sync.capture());
        EndpointInvoker<Greeter> invoker = new EndpointInvoker<>(factory, Greeter.class, 4, registry);
        EndpointInvoker.EndpointFailure failure = assertThrows(EndpointInvoker.EndpointFailure.class,
                () -> invoker.invoke(greet, g -> g.greet("you")));
        assertEquals("the transaction of Greeter did not commit (status 4)", failure.getMessage());
    }

    @Test
    void aCommittedDeliveryReturnsItsResult() throws Exception {
        when(factory.isDeliveryTransacted(greet)).thenReturn(true);
        when(bean.greet("you")).thenReturn("hello you");
        jakarta.transaction.TransactionSynchronizationRegistry registry =
                mock(jakarta.transaction.TransactionSynchronizationRegistry.class);
        org.mockito.ArgumentCaptor<jakarta.transaction.Synchronization> sync =
                org.mockito.ArgumentCaptor.forClass(jakarta.transaction.Synchronization.class);
        org.mockito.Mockito.doAnswer(call -> {
            sync.getValue().afterCompletion(jakarta.transaction.Status.STATUS_COMMITTED);
            return null;
        }).when((MessageEndpoint) bean).afterDelivery();
        org.mockito.Mockito.doNothing().when(registry).registerInterposedSynchronization(sync.capture());
        assertEquals("hello you", new EndpointInvoker<>(factory, Greeter.class, 4, registry).invoke(greet, g -> g.greet("you")));
    }
}
