// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.transport;

import java.nio.file.Path;
import org.eemail.ra.pop3.FakePop3Backend;
import org.eemail.ra.pop3.Pop3Session;
import org.eemail.ra.pop3.Pop3Settings;
import org.eemail.ra.protocol.SpooledMessageSink;
import org.eemail.ra.smtp.ConnectionInfo;

/** POP3 sessions for the transport tests, on mx.test with the transcripts' fixture. */
final class Pop3Sessions {

    private Pop3Sessions() {
    }

    /** A session whose messages up to 1 KiB are spooled in memory, larger ones in {@code spool}. */
    static Pop3Session fixture(FakePop3Backend backend, Path spool) {
        return new Pop3Session(Pop3Settings.defaults("mx.test"), new ConnectionInfo("127.0.0.1", false), backend,
                () -> new SpooledMessageSink(Long.MAX_VALUE, 1024, spool));
    }
}
