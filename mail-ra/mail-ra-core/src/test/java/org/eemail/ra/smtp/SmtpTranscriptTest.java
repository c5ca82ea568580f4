// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.eemail.ra.protocol.SpooledMessageSink;
import org.eemail.ra.transcript.InMemoryConnection;
import org.eemail.ra.transcript.Transcript;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every SMTP transcript in {@code transcripts/smtp}, played against the protocol core with the
 * default settings, the {@link FakeSmtpBackend} fixture and a client on 127.0.0.1 (not trusted).
 */
class SmtpTranscriptTest {

    @TempDir
    Path spool;

    @TestFactory
    Stream<DynamicTest> transcripts() throws IOException {
        return Transcript.readAll(Path.of("src/test/resources/transcripts/smtp")).stream()
                .map(transcript -> DynamicTest.dynamicTest(transcript.name(),
                        () -> transcript.play(new InMemoryConnection(session(transcript.listener())))));
    }

    private SmtpSession session(String listener) {
        SmtpSettings.ListenerKind kind = SmtpSettings.ListenerKind.valueOf(listener.toUpperCase(Locale.ROOT));
        SmtpSettings settings = SmtpSettings.defaults("mx.test").withListener(kind);
        return new SmtpSession(settings, new ConnectionInfo("127.0.0.1", kind == SmtpSettings.ListenerKind.SMTPS),
                new FakeSmtpBackend(), () -> new SpooledMessageSink(settings.maxMessageSize(), 1 << 16, spool));
    }
}
