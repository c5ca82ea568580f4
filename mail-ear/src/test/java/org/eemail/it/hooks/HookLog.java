// SPDX-License-Identifier: Apache-2.0
package org.eemail.it.hooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What the test beans saw, one line per event, in the file named by the system property
 * {@code it.hooks.log}: the integration test reads it from outside the server process.
 */
public final class HookLog {

    private HookLog() {
    }

    public static Path file() {
        return Path.of(System.getProperty("it.hooks.log"));
    }

    /** Appends {@code event} and the time in epoch milliseconds. */
    public static synchronized void write(String event) {
        try {
            Files.writeString(file(), event + " " + System.currentTimeMillis() + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
