// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.eemail.ra.transcript.InMemoryConnection;
import org.eemail.ra.transcript.Transcript;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every SMTP transcript in {@code transcripts/smtp}, played against the protocol core. */
class SmtpTranscriptTest {

    @TestFactory
    Stream<DynamicTest> transcripts() throws IOException {
        return Transcript.readAll(Path.of("src/test/resources/transcripts/smtp")).stream()
                .map(transcript -> DynamicTest.dynamicTest(transcript.name(),
                        () -> transcript.play(new InMemoryConnection(new SmtpSession("mx.test")))));
    }
}
