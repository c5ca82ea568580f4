// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.eemail.ra.protocol.DotStuffedReader;
import org.eemail.ra.protocol.Response;
import org.eemail.ra.protocol.SpooledMessageSink;

/**
 * An {@link SmtpSession} on mx.test with the {@link FakeSmtpBackend} fixture, driven the way the
 * transport drives it, for the handler tests. Replies come back as their wire text without the
 * last CRLF.
 */
public final class TestSession {

    public static final String ALICE_PLAIN = "AGFsaWNlQGV4YW1wbGUudGVzdABhbGljZS1wdw==";

    public final FakeSmtpBackend backend = new FakeSmtpBackend();
    public final SmtpSession session;

    public TestSession(SmtpSettings settings, ConnectionInfo connection) {
        session = new SmtpSession(settings, connection, backend,
                () -> new SpooledMessageSink(settings.maxMessageSize(), Integer.MAX_VALUE, Path.of("target/spool")));
    }

    /** An MTA listener, client 192.0.2.7, plain text. */
    public static TestSession mta() {
        return new TestSession(SmtpSettings.defaults("mx.test"), new ConnectionInfo("192.0.2.7", false));
    }

    public static TestSession with(SmtpSettings settings) {
        return new TestSession(settings, new ConnectionInfo("192.0.2.7", false));
    }

    /** An MTA session after EHLO. */
    public static TestSession greeted() {
        TestSession test = mta();
        test.expect("250-mx.test", "EHLO client.test");
        return test;
    }

    /** An MTA session after STARTTLS, EHLO and AUTH as alice. */
    public static TestSession alice() {
        TestSession test = mta();
        test.session.tlsStarted();
        test.send("EHLO client.test");
        test.expect("235 2.7.0", "AUTH PLAIN " + ALICE_PLAIN);
        return test;
    }

    public Response response(String line) {
        return session.onLine(line);
    }

    public String send(String line) {
        return text(session.onLine(line));
    }

    /** Sends a line and asserts that the reply starts with {@code prefix}. */
    public void expect(String prefix, String line) {
        String reply = send(line);
        assertTrue(reply.startsWith(prefix), line + " -> " + reply);
    }

    /** After a 354: sends dot-stuffed {@code wire} text up to and including the final dot line. */
    public String data(String wire) {
        try {
            byte[] octets = wire.getBytes(StandardCharsets.UTF_8);
            DotStuffedReader reader = new DotStuffedReader(session.messageSink());
            assertEquals(octets.length, reader.read(octets, 0, octets.length), "the text ends with the dot line");
            assertTrue(reader.ended());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text(session.onDataEnd());
    }

    /** After a BDAT: sends the chunk's octets and answers the chunk's reply. */
    public String chunk(String octets) {
        try {
            byte[] bytes = octets.getBytes(StandardCharsets.UTF_8);
            session.messageSink().write(bytes, 0, bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text(session.onChunkEnd());
    }

    /** MAIL from someone@elsewhere.test and RCPT to each of {@code recipients}, all accepted. */
    public void transaction(String... recipients) {
        expect("250 2.1.0", "MAIL FROM:<someone@elsewhere.test>");
        for (String recipient : recipients) {
            expect("250 2.1.5", "RCPT TO:<" + recipient + ">");
        }
    }

    public static String text(Response response) {
        String wire = response.reply().wireText();
        return wire.substring(0, wire.length() - 2);
    }
}
