// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.pop3;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.eemail.ra.transcript.InMemoryConnection;
import org.eemail.ra.transcript.Transcript;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every POP3 transcript in {@code transcripts/pop3}, played against the protocol core. */
class Pop3TranscriptTest {

    @TestFactory
    Stream<DynamicTest> transcripts() throws IOException {
        return Transcript.readAll(Path.of("src/test/resources/transcripts/pop3")).stream()
                .map(transcript -> DynamicTest.dynamicTest(transcript.name(),
                        () -> transcript.play(new InMemoryConnection(new Pop3Session("mx.test")))));
    }
}
