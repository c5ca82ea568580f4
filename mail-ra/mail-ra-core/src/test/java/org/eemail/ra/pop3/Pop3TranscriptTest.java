// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.pop3;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.eemail.ra.protocol.SpooledMessageSink;
import org.eemail.ra.smtp.ConnectionInfo;
import org.eemail.ra.transcript.InMemoryConnection;
import org.eemail.ra.transcript.Transcript;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every POP3 transcript in {@code transcripts/pop3}, played against the protocol core with the
 * fixture's settings (the defaults, and APOP on), the {@link FakePop3Backend} fixture and a client on 127.0.0.1; on the pop3s
 * listener when the transcript names it, TLS is on from the start.
 */
class Pop3TranscriptTest {

    @TempDir
    Path spool;

    @TestFactory
    Stream<DynamicTest> transcripts() throws IOException {
        return Transcript.readAll(Path.of("src/test/resources/transcripts/pop3")).stream()
                .map(transcript -> DynamicTest.dynamicTest(transcript.name(),
                        () -> transcript.play(new InMemoryConnection(session(transcript.listener())))));
    }

    private Pop3Session session(String listener) {
        return new Pop3Session(new Pop3Settings("mx.test", PlaintextAuth.LOOPBACK, true), new ConnectionInfo("127.0.0.1", listener.equals("pop3s")),
                new FakePop3Backend(), () -> new SpooledMessageSink(Long.MAX_VALUE, 1 << 10, spool));
    }
}
