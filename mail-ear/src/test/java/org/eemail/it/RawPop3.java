// SPDX-License-Identifier: Apache-2.0
package org.eemail.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A POP3 client on a raw socket, for what a mail library hides: exact replies, the octets of
 * RETR, a connection dropped without QUIT. Reads through a buffer, so a 20 MB RETR is quick.
 */
final class RawPop3 implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private String greeting;

    RawPop3(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(30_000);
        this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        this.out = socket.getOutputStream();
    }

    /** Connects to the plain POP3 listener and reads the greeting. */
    static RawPop3 connect() throws IOException {
        return connect(Server.port("pop3"));
    }

    /** Connects to the plain POP3 listener on {@code port} of loopback, as of another server, and reads the greeting. */
    static RawPop3 connect(int port) throws IOException {
        RawPop3 pop3 = new RawPop3(new Socket(Server.LOOPBACK, port));
        pop3.greeting = pop3.expectOk();
        return pop3;
    }

    /** The server's greeting, as {@link #connect()} read it. */
    String greeting() {
        return greeting;
    }

    /** Connects and logs in with USER and PASS; returns the reply to PASS. */
    static RawPop3 login(String user, String password) throws IOException {
        return login(Server.port("pop3"), user, password);
    }

    /** Connects to {@code port} and logs in with USER and PASS. */
    static RawPop3 login(int port, String user, String password) throws IOException {
        RawPop3 pop3 = connect(port);
        pop3.command("USER " + user);
        String reply = pop3.command("PASS " + password);
        assertTrue(reply.startsWith("+OK "), "login as " + user + ": " + reply);
        return pop3;
    }

    /** Sends {@code text} as it is, e.g. several commands at once (RFC 2449 PIPELINING). */
    void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Sends a command and returns the status line. */
    String command(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return readLine();
    }

    String expectOk() throws IOException {
        String line = readLine();
        assertTrue(line != null && line.startsWith("+OK"), "expected +OK, got " + line);
        return line;
    }

    /** The lines of a multi-line response after its status line, dot-stuffing undone. */
    byte[] multiLine() throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        while (true) {
            byte[] line = readRawLine();
            if (line.length == 3 && line[0] == '.') {
                return text.toByteArray();
            }
            int from = line[0] == '.' ? 1 : 0;
            text.write(line, from, line.length - from);
        }
    }

    /** The next line without its CRLF, or null when the server closed. */
    String readLine() throws IOException {
        byte[] line = readRawLine();
        return line == null ? null : new String(line, 0, line.length - 2, StandardCharsets.UTF_8);
    }

    /** The next line with its CRLF; only CRLF ends a line. */
    private byte[] readRawLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int previous = -1;
        for (int b = in.read(); b != -1; b = in.read()) {
            line.write(b);
            if (previous == '\r' && b == '\n') {
                return line.toByteArray();
            }
            previous = b;
        }
        return line.size() == 0 ? null : line.toByteArray();
    }

    /** Drops the connection without QUIT, as a crashed client or a broken network would. */
    void drop() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
