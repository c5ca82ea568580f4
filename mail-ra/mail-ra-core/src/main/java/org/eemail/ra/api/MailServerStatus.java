// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.api;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the running resource adapter reports about its listeners, for health checks and the console.
 *
 * <p>The adapter is one instance per deployment, and the applications that read this status are
 * deployed with it (in the same EAR, or after the standalone RAR), so a process-wide holder is the
 * simplest link that works on Payara Micro, Payara Server and WildFly alike. Thread-safe.
 */
public final class MailServerStatus {

    private static volatile Supplier<List<ListenerStatus>> source = List::of;
    private static volatile Optional<TlsCertificate> certificate = Optional.empty();

    private MailServerStatus() {
    }

    /** The listeners of the running adapter; empty when no adapter is running. */
    public static List<ListenerStatus> listeners() {
        return source.get();
    }

    /** The certificate the listeners present; empty when no adapter is running. */
    public static Optional<TlsCertificate> certificate() {
        return certificate;
    }

    /**
     * Called by the adapter when it starts ({@code supplier} and its certificate) and stops
     * ({@code null} twice).
     */
    public static void publish(Supplier<List<ListenerStatus>> supplier, TlsCertificate presented) {
        source = supplier == null ? List::of : supplier;
        certificate = Optional.ofNullable(presented);
    }
}
