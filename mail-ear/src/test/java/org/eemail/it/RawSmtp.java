// SPDX-License-Identifier: Apache-2.0
package org.eemail.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Delivers exact octets through the MTA listener, dot-stuffing them as DATA requires. */
final class RawSmtp {

    private RawSmtp() {
    }

    /**
     * Sends {@code message} (CRLF line endings, ending with CRLF) from fixture@elsewhere.example to
     * {@code recipient}, who must be local.
     */
    static void deliver(String recipient, byte[] message) throws IOException {
        deliver(Server.port("smtp"), recipient, message);
    }

    /** The same through the MTA listener on {@code port} of loopback, as of another server. */
    static void deliver(int port, String recipient, byte[] message) throws IOException {
        try (Socket socket = new Socket(Server.LOOPBACK, port)) {
            socket.setSoTimeout(60_000);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            expect(in, "220");
            command(in, out, "EHLO fixture.test", "250");
            command(in, out, "MAIL FROM:<fixture@elsewhere.example> BODY=8BITMIME", "250");
            command(in, out, "RCPT TO:<" + recipient + ">", "250");
            command(in, out, "DATA", "354");
            boolean lineStart = true;
            for (int i = 0; i < message.length; i++) {
                if (lineStart && message[i] == '.') {
                    out.write('.');
                }
                out.write(message[i]);
                lineStart = message[i] == '\n' && i > 0 && message[i - 1] == '\r';
            }
            command(in, out, ".", "250");
            command(in, out, "QUIT", "221");
        }
    }

    private static void command(InputStream in, OutputStream out, String line, String code) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expect(in, code);
    }

    /** Reads a reply, multi-line included, and checks its code. */
    private static void expect(InputStream in, String code) throws IOException {
        String line;
        do {
            StringBuilder text = new StringBuilder();
            for (int b = in.read(); b != '\n' && b != -1; b = in.read()) {
                text.append((char) b);
            }
            line = text.toString().strip();
            assertTrue(line.startsWith(code), "expected " + code + ", got " + line);
        } while (line.length() > 3 && line.charAt(3) == '-');
    }
}
