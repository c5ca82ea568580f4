// SPDX-License-Identifier: Apache-2.0

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A POP3 retrieval benchmark for any POP3 server, run from source: {@code java bench/Pop3Load.java [options]}.
 *
 * <p>{@code --mode retr} (default): one session per account of {@code --users} (comma-separated
 * {@code user:password}; one session per maildrop is all POP3 allows), each logging in and
 * RETRieving every message of its maildrop with PIPELINING, {@code --rounds} times, leaving the
 * mail on the server. Prints messages per second and MB per second over all sessions.
 *
 * <p>{@code --mode list}: logs in as the first user {@code --rounds} times and times login + STAT, and
 * LIST + UIDL (pipelined), then QUIT; prints p50 and the worst of each.
 *
 * <p>Fill the maildrops first, e.g. with {@code java bench/SmtpLoad.java --size 4096 --to ...}.
 * Options: --host 127.0.0.1 --port 1110 --users alice@example.test:alice-pw --rounds 5.
 * Only loopback addresses belong in a load test on a shared machine.
 */
public final class Pop3Load {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        InetSocketAddress server = new InetSocketAddress(options.getOrDefault("host", "127.0.0.1"),
                Integer.parseInt(options.getOrDefault("port", "1110")));
        List<String[]> users = Arrays.stream(options.getOrDefault("users", "alice@example.test:alice-pw").split(","))
                .map(user -> user.split(":", 2)).toList();
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "5"));
        if (options.getOrDefault("mode", "retr").equals("list")) {
            list(server, users.get(0), rounds);
        } else {
            retr(server, users, rounds);
        }
    }

    private static void retr(InetSocketAddress server, List<String[]> users, int rounds) throws Exception {
        ExecutorService sessions = Executors.newFixedThreadPool(users.size());
        long start = System.nanoTime();
        List<Future<long[]>> results = new ArrayList<>();
        for (String[] user : users) {
            results.add(sessions.submit(() -> {
                long messages = 0;
                long octets = 0;
                for (int round = 0; round < rounds; round++) {
                    long[] one = retrieveAll(server, user);
                    messages += one[0];
                    octets += one[1];
                }
                return new long[] {messages, octets};
            }));
        }
        long messages = 0;
        long octets = 0;
        for (Future<long[]> result : results) {
            messages += result.get()[0];
            octets += result.get()[1];
        }
        sessions.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%d sessions: %d messages, %.1f MB in %.2f s: %.0f messages/s, %.1f MB/s%n", users.size(),
                messages, octets / 1e6, seconds, messages / seconds, octets / 1e6 / seconds);
    }

    /** One session: login, STAT, RETR 1..n pipelined, QUIT; returns messages and octets received. */
    private static long[] retrieveAll(InetSocketAddress server, String[] user) throws IOException {
        try (Connection pop3 = new Connection(server)) {
            pop3.login(user);
            int count = Integer.parseInt(pop3.command("STAT").split(" ")[1]);
            StringBuilder all = new StringBuilder();
            for (int n = 1; n <= count; n++) {
                all.append("RETR ").append(n).append("\r\n");
            }
            pop3.send(all.toString());
            long octets = 0;
            for (int n = 1; n <= count; n++) {
                pop3.expectOk();
                octets += pop3.skipMultiLine();
            }
            pop3.command("QUIT");
            return new long[] {count, octets};
        }
    }

    private static void list(InetSocketAddress server, String[] user, int rounds) throws IOException {
        List<Long> logins = new ArrayList<>();
        List<Long> listings = new ArrayList<>();
        int count = 0;
        for (int round = 0; round < rounds; round++) {
            try (Connection pop3 = new Connection(server)) {
                long start = System.nanoTime();
                pop3.login(user);
                count = Integer.parseInt(pop3.command("STAT").split(" ")[1]);
                long listed = System.nanoTime();
                pop3.send("LIST\r\nUIDL\r\n");
                pop3.expectOk();
                pop3.skipMultiLine();
                pop3.expectOk();
                pop3.skipMultiLine();
                long end = System.nanoTime();
                logins.add((listed - start) / 1000);
                listings.add((end - listed) / 1000);
                pop3.command("QUIT");
            }
        }
        System.out.printf("%d messages, %d rounds: login + STAT p50 %.1f ms (worst %.1f), LIST + UIDL p50 %.1f ms (worst %.1f)%n",
                count, rounds, p50(logins), worst(logins), p50(listings), worst(listings));
    }

    private static double p50(List<Long> micros) {
        List<Long> sorted = micros.stream().sorted().toList();
        return sorted.get(sorted.size() / 2) / 1000.0;
    }

    private static double worst(List<Long> micros) {
        return micros.stream().mapToLong(Long::longValue).max().orElse(0) / 1000.0;
    }

    private static final class Connection implements AutoCloseable {

        private final Socket socket = new Socket();
        private final InputStream in;
        private final OutputStream out;

        Connection(InetSocketAddress server) throws IOException {
            socket.connect(server, 10_000);
            socket.setSoTimeout(60_000);
            in = new BufferedInputStream(socket.getInputStream(), 256 * 1024);
            out = new BufferedOutputStream(socket.getOutputStream());
            expectOk();
        }

        void login(String[] user) throws IOException {
            command("USER " + user[0]);
            String reply = command("PASS " + user[1]);
            if (!reply.startsWith("+OK")) {
                throw new IOException("login as " + user[0] + ": " + reply);
            }
        }

        void send(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        String command(String line) throws IOException {
            send(line + "\r\n");
            return readLine();
        }

        void expectOk() throws IOException {
            String line = readLine();
            if (!line.startsWith("+OK")) {
                throw new IOException("expected +OK, got " + line);
            }
        }

        /** Reads a multi-line body up to the line "."; returns its octets as sent, without that line. */
        long skipMultiLine() throws IOException {
            long octets = 0;
            int column = 0;
            int first = -1;
            int previous = -1;
            for (int b = in.read(); b != -1; b = in.read()) {
                octets++;
                if (column++ == 0) {
                    first = b;
                }
                if (previous == '\r' && b == '\n') {
                    if (column == 3 && first == '.') {
                        return octets - 3;
                    }
                    column = 0;
                }
                previous = b;
            }
            throw new IOException("the server closed in the middle of a response");
        }

        String readLine() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b == -1) {
                    throw new IOException("the server closed");
                }
                line.append((char) b);
            }
            return line.toString().strip();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
