// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.health;

import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eemail.ra.api.ListenerStatus;
import org.eemail.ra.api.MailServerStatus;

/**
 * The readiness of one of the adapter's listeners, looked up by name at every call because the
 * adapter may start after this application or be redeployed. DOWN while the listener is there but
 * not accepting connections; a listener the adapter does not run (not configured, or no adapter
 * deployed) is reported UP with {@code running=false}, since nothing is failing.
 */
final class ListenerHealthCheck implements HealthCheck {

    private final String name;

    ListenerHealthCheck(String name) {
        this.name = name;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("listener-" + name);
        Optional<ListenerStatus> listener = MailServerStatus.listeners().stream()
                .filter(l -> name.equals(l.name()))
                .findFirst();
        if (listener.isEmpty()) {
            return response.withData("running", false).up().build();
        }
        ListenerStatus status = listener.get();
        return response.withData("running", true)
                .withData("address", status.address())
                .withData("port", status.port())
                .withData("tls", status.tls())
                .withData("sessions", status.sessions())
                .status(status.open())
                .build();
    }
}
