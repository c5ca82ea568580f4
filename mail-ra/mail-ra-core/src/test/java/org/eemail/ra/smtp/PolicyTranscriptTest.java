// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.eemail.ra.protocol.SpooledMessageSink;
import org.eemail.ra.transcript.InMemoryConnection;
import org.eemail.ra.transcript.Transcript;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every transcript in {@code transcripts/policy}, played against the protocol core with the
 * {@link FakeSmtpBackend} fixture and the application policies of {@link PolicyFixture}.
 */
class PolicyTranscriptTest {

    @TempDir
    Path spool;

    @TestFactory
    Stream<DynamicTest> transcripts() throws IOException {
        return Transcript.readAll(Path.of("src/test/resources/transcripts/policy")).stream()
                .map(transcript -> DynamicTest.dynamicTest(transcript.name(),
                        () -> transcript.play(new InMemoryConnection(session()))));
    }

    private SmtpSession session() {
        SmtpSettings settings = SmtpSettings.defaults("mx.test");
        return new SmtpSession(settings, new ConnectionInfo("127.0.0.1", false),
                new FakeSmtpBackend(PolicyFixture.chain()),
                () -> new SpooledMessageSink(settings.maxMessageSize(), 1 << 16, spool));
    }
}
