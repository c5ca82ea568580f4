// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eemail.ra.api.Maildrop;
import org.eemail.ra.api.MaildropEntry;
import org.eemail.ra.api.MaildropHolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

class MaildropBackendTest {

    private static final String NAME = "mx/0123456789abcdef";

    private final MaildropBackend backend = new MaildropBackend();
    private MessageEndpointFactory factory;
    private Maildrop bean;

    @BeforeEach
    void activate() throws Exception {
        factory = mock(MessageEndpointFactory.class);
        bean = mock(Maildrop.class, withSettings().extraInterfaces(MessageEndpoint.class));
        when(factory.createEndpoint(any())).thenReturn((MessageEndpoint) bean);
        when(bean.open(anyString(), any(), any())).thenReturn(Optional.of(List.of(new MaildropEntry(7, 100))));
        backend.startAs(NAME);
        backend.activate(factory);
    }

    @Test
    void theFormerRunsLocksAreClearedOnceBeforeTheFirstLogin() {
        backend.open("alice@example.test", "S1");
        backend.open("bob@example.test", "S2");

        InOrder order = inOrder(bean);
        order.verify(bean).releaseAll(NAME);
        order.verify(bean).open("alice@example.test", new MaildropHolder(NAME, "S1"), MaildropBackend.LEASE);
        verify(bean, times(1)).releaseAll(NAME);
    }

    @Test
    void leasesAreRenewedOnlyWhileThisServerHoldsLocks() {
        backend.renewLeases();
        verify(bean, never()).renew(anyString(), any());

        backend.open("alice@example.test", "S1");
        backend.renewLeases();
        verify(bean).renew(NAME, MaildropBackend.LEASE);

        when(bean.update(eq("alice@example.test"), any(), any())).thenReturn(true);
        backend.update("alice@example.test", "S1", Set.of(7L));
        backend.renewLeases();
        verify(bean, times(1)).renew(NAME, MaildropBackend.LEASE);
    }

    @Test
    void theAdaptersStopReleasesTheLocksWhileTheBeanIsActive() {
        backend.open("alice@example.test", "S1");

        backend.releaseAll();

        verify(bean, times(2)).releaseAll(NAME);
    }

    @Test
    void afterDeactivationCallsFail() {
        assertEquals(true, backend.deactivate(factory));
        assertEquals(false, backend.deactivate(factory), "only once");
        assertThrows(IllegalStateException.class, () -> backend.open("alice@example.test", "S2"));
        backend.releaseAll();
        verify(bean, never()).releaseAll(anyString());
    }
}
