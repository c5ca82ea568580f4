// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.outbound;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A remote SMTP server on loopback for tests: takes mail and keeps it, or refuses recipients as
 * told (one reply per recipient, decided by a function, so a test can answer 4xx first and 250
 * later, or answer each client as it introduced itself in EHLO). Advertises SIZE, 8BITMIME and DSN,
 * and STARTTLS and AUTH PLAIN when told to; with AUTH on, mail without a login is refused, as a smart
 * host does. One thread per connection.
 */
public final class TestSmtpPeer implements AutoCloseable {

    /**
     * A message as the peer received it: the MAIL and RCPT command lines, the octets after DATA,
     * and the EHLO or HELO line of the session that brought it.
     */
    public record Received(String mailFrom, List<String> rcptTo, byte[] data, String hello) {

        public String text() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    private final ServerSocket server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> sessions = new CopyOnWriteArrayList<>();
    private volatile String greeting = "220 peer.test ESMTP";
    private volatile BiFunction<String, String, String> rcptReply = (hello, recipient) -> "250 2.1.5 Ok";
    private volatile String dataReply = "250 2.0.0 Ok: queued";
    private volatile boolean hang;
    private final List<byte[]> hung = new CopyOnWriteArrayList<>();
    private volatile SSLContext tls;
    private volatile String login;
    private final List<String> authenticated = new CopyOnWriteArrayList<>();
    private final List<Boolean> encrypted = new CopyOnWriteArrayList<>();

    /** Listens on {@code address:port}; port 0 for any free one. */
    public TestSmtpPeer(String address, int port) throws IOException {
        server = new ServerSocket(port, 50, InetAddress.getByName(address));
        Thread acceptor = new Thread(this::acceptLoop, "smtp-peer-" + address);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public TestSmtpPeer greeting(String reply) {
        this.greeting = reply;
        return this;
    }

    /** The reply to RCPT TO for each recipient address (without angle brackets). */
    public TestSmtpPeer rcptReply(Function<String, String> reply) {
        this.rcptReply = (hello, recipient) -> reply.apply(recipient);
        return this;
    }

    /** The reply to RCPT TO by the session's EHLO or HELO line and the recipient address. */
    public TestSmtpPeer rcptReply(BiFunction<String, String, String> reply) {
        this.rcptReply = reply;
        return this;
    }

    public TestSmtpPeer dataReply(String reply) {
        this.dataReply = reply;
        return this;
    }

    /**
     * While on, a message's end of data gets no reply: the client waits as if the peer were
     * slow, so a test can kill it in the middle of a delivery. Turning it off drops those
     * connections without a reply.
     */
    public TestSmtpPeer hang(boolean on) {
        this.hang = on;
        return this;
    }

    /** The messages received while hanging, never acknowledged. */
    public List<byte[]> hung() {
        return List.copyOf(hung);
    }

    /** Offers STARTTLS with this server-side context; {@code null} stops offering it. */
    public TestSmtpPeer tls(SSLContext context) {
        this.tls = context;
        return this;
    }

    /** Offers AUTH PLAIN and takes only {@code user} with {@code password}. */
    public TestSmtpPeer auth(String user, String password) {
        this.login = "\0" + user + "\0" + password;
        return this;
    }

    /** The users who logged in, one per successful AUTH. */
    public List<String> authenticated() {
        return List.copyOf(authenticated);
    }

    /** For each message received, whether it came over TLS. */
    public List<Boolean> encrypted() {
        return List.copyOf(encrypted);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The EHLO lines clients sent, one per session. */
    public List<String> sessions() {
        return List.copyOf(sessions);
    }

    /** Waits until {@code count} messages have arrived, at most {@code seconds}. */
    public List<Received> await(int count, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (received.size() < count && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        return received();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread session = new Thread(() -> serve(client), "smtp-peer-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            Socket socket = client;
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            reply(out, greeting);
            if (!greeting.startsWith("220")) {
                return;
            }
            boolean secure = false;
            boolean loggedIn = false;
            String hello = null;
            String mailFrom = null;
            List<String> rcpts = new ArrayList<>();
            String line;
            while ((line = readLine(in)) != null) {
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (verb) {
                    case "EHLO" -> {
                        sessions.add(line);
                        hello = line;
                        reply(out, "250-peer.test\r\n250-SIZE 10000000\r\n250-8BITMIME\r\n250-DSN\r\n"
                                + (tls != null && !secure ? "250-STARTTLS\r\n" : "")
                                + (login != null ? "250-AUTH PLAIN\r\n" : "") + "250 ENHANCEDSTATUSCODES");
                    }
                    case "STAR" -> {
                        reply(out, "220 2.0.0 Ready to start TLS");
                        SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(socket,
                                socket.getInetAddress().getHostAddress(), socket.getPort(), true);
                        ssl.setUseClientMode(false);
                        ssl.startHandshake();
                        socket = ssl;
                        in = new BufferedInputStream(ssl.getInputStream());
                        out = ssl.getOutputStream();
                        secure = true;
                    }
                    case "AUTH" -> {
                        String[] words = line.split(" ");
                        String response = words.length > 2 ? words[2] : null;
                        if (response == null) {
                            reply(out, "334 ");
                            response = readLine(in);
                        }
                        // RFC 4616: [authzid] NUL authcid NUL passwd
                        String given = new String(Base64.getDecoder().decode(response.strip()), StandardCharsets.UTF_8);
                        String credentials = given.substring(given.indexOf('\0'));
                        if (credentials.equals(login)) {
                            loggedIn = true;
                            authenticated.add(credentials.substring(1, credentials.indexOf('\0', 1)));
                            reply(out, "235 2.7.0 Authentication successful");
                        } else {
                            reply(out, "535 5.7.8 Authentication credentials invalid");
                        }
                    }
                    case "HELO" -> {
                        hello = line;
                        reply(out, "250 peer.test");
                    }
                    case "MAIL" -> {
                        if (login != null && !loggedIn) {
                            reply(out, "530 5.7.0 Authentication required");
                        } else {
                            mailFrom = line;
                            rcpts = new ArrayList<>();
                            reply(out, "250 2.1.0 Ok");
                        }
                    }
                    case "RCPT" -> {
                        String answer = rcptReply.apply(hello, address(line));
                        if (answer.startsWith("2")) {
                            rcpts.add(line);
                        }
                        reply(out, answer);
                    }
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        byte[] data = readData(in);
                        if (hang) {
                            hung.add(data);
                            while (hang) {
                                sleep();
                            }
                            return;
                        }
                        if (dataReply.startsWith("2")) {
                            received.add(new Received(mailFrom, List.copyOf(rcpts), data, hello));
                            encrypted.add(secure);
                        }
                        reply(out, dataReply);
                    }
                    case "RSET" -> {
                        mailFrom = null;
                        rcpts = new ArrayList<>();
                        reply(out, "250 2.0.0 Ok");
                    }
                    case "NOOP" -> reply(out, "250 2.0.0 Ok");
                    case "QUIT" -> {
                        reply(out, "221 2.0.0 Bye");
                        return;
                    }
                    default -> reply(out, "502 5.5.2 Not implemented");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String address(String rcptLine) {
        int open = rcptLine.indexOf('<');
        int close = rcptLine.indexOf('>', open);
        return open < 0 || close < 0 ? rcptLine : rcptLine.substring(open + 1, close);
    }

    private static void reply(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            line.write(b);
        }
        return null;
    }

    /** The message up to CRLF.CRLF, dot-unstuffed, with its line ends kept (RFC 5321 §4.5.2). */
    private static byte[] readData(InputStream in) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            line.write(b);
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                line.reset();
                if (bytes.length == 3 && bytes[0] == '.') {
                    return data.toByteArray();
                }
                int skip = bytes.length > 0 && bytes[0] == '.' ? 1 : 0;
                data.write(bytes, skip, bytes.length - skip);
            }
        }
        throw new IOException("connection closed in DATA");
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
