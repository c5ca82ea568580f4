// SPDX-License-Identifier: Apache-2.0
package org.eemail.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Readiness;

/**
 * One readiness check per listener the adapter can run (the names {@code ListenerStatus}
 * documents). Health checks are collected once at deployment, while the adapter's listeners are
 * only known at run time, hence a fixed check per possible listener.
 */
@ApplicationScoped
public class ListenerHealthChecks {

    @Produces
    @Readiness
    HealthCheck smtp() {
        return new ListenerHealthCheck("smtp");
    }

    @Produces
    @Readiness
    HealthCheck submission() {
        return new ListenerHealthCheck("submission");
    }

    @Produces
    @Readiness
    HealthCheck smtps() {
        return new ListenerHealthCheck("smtps");
    }

    @Produces
    @Readiness
    HealthCheck pop3() {
        return new ListenerHealthCheck("pop3");
    }

    @Produces
    @Readiness
    HealthCheck pop3s() {
        return new ListenerHealthCheck("pop3s");
    }
}
