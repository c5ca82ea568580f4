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
        assertEquals("hello you", new EndpointInvoker<>(factory, Greeter.class).invoke(greet, g -> g.greet("you")));
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
        EndpointInvoker<Greeter> invoker = new EndpointInvoker<>(factory, Greeter.class);
        assertThrows(EndpointInvoker.EndpointFailure.class, () -> invoker.invoke(greet, g -> g.greet("you")));
        verify((MessageEndpoint) bean).release();
    }

    @Test
    void aThrowingBeanStillGetsAfterDeliveryAndRelease() throws Exception {
        when(factory.isDeliveryTransacted(greet)).thenReturn(true);
        when(bean.greet("you")).thenThrow(new IllegalArgumentException("boom"));
        EndpointInvoker<Greeter> invoker = new EndpointInvoker<>(factory, Greeter.class);
        Function<Greeter, String> call = g -> g.greet("you");
        assertThrows(EndpointInvoker.EndpointFailure.class, () -> invoker.invoke(greet, call));
        verify((MessageEndpoint) bean).afterDelivery();
        verify((MessageEndpoint) bean).release();
    }

    @Test
    void anUntransactedCallSkipsTheBracket() throws Exception {
        when(factory.isDeliveryTransacted(greet)).thenReturn(false);
        when(bean.greet("me")).thenReturn("hi");
        assertEquals("hi", new EndpointInvoker<>(factory, Greeter.class).invoke(greet, g -> g.greet("me")));
        verify((MessageEndpoint) bean, never()).beforeDelivery(any());
        verify((MessageEndpoint) bean).release();
    }

    @Test
    void noEndpointIsAFailure() throws Exception {
        when(factory.createEndpoint(any())).thenThrow(new UnavailableException("undeployed"));
        EndpointInvoker<Greeter> invoker = new EndpointInvoker<>(factory, Greeter.class);
        assertThrows(EndpointInvoker.EndpointFailure.class, () -> invoker.invoke(greet, g -> g.greet("x")));
    }
}
