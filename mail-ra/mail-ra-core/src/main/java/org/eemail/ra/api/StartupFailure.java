// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.api;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * A configuration error that makes the server unable to start: a port out of range or in use, an
 * unreachable database. It is reported as one line naming the property and its value.
 *
 * <p>When {@code mail.exit-on-startup-failure} is {@code true} (the runnable {@code mail-server.jar}
 * sets it), the process then exits with status 1 instead of running on without its listeners or
 * its database. Inside a shared Payara Server or WildFly the property is unset and only the
 * deployment fails.
 */
public final class StartupFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = System.getLogger(StartupFailure.class.getName());

    private StartupFailure(String message) {
        super(message, null, false, false);
    }

    /**
     * Reports the failure and returns the exception to throw (when the process does not exit).
     *
     * @param property the configuration property at fault, such as {@code mail.smtp.port}
     * @param value    its value as configured
     * @param reason   what is wrong with it, in a few words
     */
    public static StartupFailure of(String property, Object value, String reason) {
        String line = "Cannot start: " + property + "=" + value + ": " + reason;
        LOG.log(Level.ERROR, line);
        if (Boolean.getBoolean("mail.exit-on-startup-failure")) {
            System.out.flush();
            System.err.flush();
            // halt, not exit: nothing was accepted yet, and shutdown hooks of a half-started
            // server would only add a page of traces after the one line that matters.
            Runtime.getRuntime().halt(1);
        }
        return new StartupFailure(line);
    }
}
