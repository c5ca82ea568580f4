// SPDX-License-Identifier: Apache-2.0

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A load generator for any SMTP server, run from source: {@code java bench/SmtpLoad.java [options]}.
 *
 * <p>{@code --mode send} (default): N messages of a given size over C connections, each
 * connection sending its messages one after another with PIPELINING (MAIL, RCPT and DATA in one
 * write, RFC 2920). Prints messages per second and the p50/p99 latency from the end of the message
 * text to the server's final 250.
 *
 * <p>{@code --mode idle}: opens C connections that only read the greeting and then stay idle, and
 * meanwhile measures how long a new connection waits for its greeting, every 100 ms.
 *
 * <p>Options: --host 127.0.0.1 --port 2525 --messages 10000 --connections 8 --size 4096
 * --from bench@example.test --to alice@example.test --helo bench.test --probes 20.
 * Only loopback addresses belong in a load test on a shared machine.
 */
public final class SmtpLoad {

    /** How long a new session may wait for its greeting before it counts as refused. */
    private static final int GREETING_TIMEOUT_MS = 10_000;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        String mode = options.getOrDefault("mode", "send");
        InetSocketAddress server = new InetSocketAddress(options.getOrDefault("host", "127.0.0.1"),
                Integer.parseInt(options.getOrDefault("port", "2525")));
        int connections = Integer.parseInt(options.getOrDefault("connections", mode.equals("idle") ? "10000" : "8"));
        if (mode.equals("idle")) {
            idle(server, connections, Integer.parseInt(options.getOrDefault("probes", "20")));
        } else {
            send(server, connections, Integer.parseInt(options.getOrDefault("messages", "10000")),
                    Integer.parseInt(options.getOrDefault("size", "4096")), options);
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static void send(InetSocketAddress server, int connections, int messages, int size,
                             Map<String, String> options) throws Exception {
        byte[] text = message(size, options.getOrDefault("from", "bench@example.test"), options.getOrDefault("to", "alice@example.test"));
        byte[] envelope = ("MAIL FROM:<" + options.getOrDefault("from", "bench@example.test") + ">\r\n"
                + "RCPT TO:<" + options.getOrDefault("to", "alice@example.test") + ">\r\nDATA\r\n").getBytes(StandardCharsets.US_ASCII);
        String helo = options.getOrDefault("helo", "bench.test");
        AtomicInteger next = new AtomicInteger();
        long[] latencies = new long[messages];
        AtomicInteger failures = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(connections);
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            running.add(clients.submit(() -> {
                try (Socket socket = new Socket()) {
                    socket.setTcpNoDelay(true);
                    socket.connect(server, 10_000);
                    InputStream in = new BufferedInputStream(socket.getInputStream());
                    OutputStream out = socket.getOutputStream();
                    expect(in, "220");
                    out.write(("EHLO " + helo + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    expect(in, "250");
                    for (int m = next.getAndIncrement(); m < messages; m = next.getAndIncrement()) {
                        out.write(envelope);
                        String mail = reply(in);
                        String rcpt = reply(in);
                        String data = reply(in);
                        if (!mail.startsWith("250") || !rcpt.startsWith("250") || !data.startsWith("354")) {
                            failures.incrementAndGet();
                            out.write("RSET\r\n".getBytes(StandardCharsets.US_ASCII));
                            reply(in);
                            continue;
                        }
                        out.write(text);
                        long sent = System.nanoTime();
                        String last = reply(in);
                        latencies[m] = System.nanoTime() - sent;
                        if (!last.startsWith("250")) {
                            failures.incrementAndGet();
                        }
                    }
                    out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        clients.shutdown();
        long[] sorted = Arrays.stream(latencies).filter(l -> l > 0).sorted().toArray();
        System.out.printf("messages=%d size=%d connections=%d failures=%d%n", messages, size, connections, failures.get());
        System.out.printf("rate=%.0f msg/s  p50=%.1f ms  p99=%.1f ms  max=%.1f ms  (%.1f s)%n", messages / seconds,
                percentile(sorted, 50), percentile(sorted, 99), percentile(sorted, 100), seconds);
    }

    private static void idle(InetSocketAddress server, int connections, int probes) throws Exception {
        List<Socket> held = new ArrayList<>(connections);
        long start = System.nanoTime();
        try {
            for (int i = 0; i < connections; i++) {
                Socket socket = new Socket();
                try {
                    socket.connect(server, GREETING_TIMEOUT_MS);
                } catch (SocketTimeoutException e) {
                    socket.close();
                    System.out.printf("connection %d not accepted within %d s: holding %d%n", i + 1,
                            GREETING_TIMEOUT_MS / 1000, held.size());
                    break;
                }
                held.add(socket);
                if (i % 1000 == 999) {
                    System.out.printf("%d idle connections open (%.1f s); greeting of a new one: %s%n",
                            i + 1, (System.nanoTime() - start) / 1e9, millis(greeting(server)));
                }
            }
            double[] waits = new double[probes];
            for (int p = 0; p < probes; p++) {
                waits[p] = greeting(server);
                Thread.sleep(100);
            }
            Arrays.sort(waits);
            System.out.printf("connections=%d held; new-session greeting p50=%s max=%s%n",
                    held.size(), millis(waits[(probes - 1) / 2]), millis(waits[probes - 1]));
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    /** Milliseconds from connect to the greeting; infinite when none came within the timeout. */
    private static double greeting(InetSocketAddress server) throws IOException {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(server, GREETING_TIMEOUT_MS);
            socket.setSoTimeout(GREETING_TIMEOUT_MS);
            expect(new BufferedInputStream(socket.getInputStream()), "220");
            double millis = (System.nanoTime() - start) / 1e6;
            socket.getOutputStream().write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            return millis;
        } catch (SocketTimeoutException e) {
            return Double.POSITIVE_INFINITY;
        }
    }

    private static String millis(double value) {
        return Double.isInfinite(value) ? "none within " + GREETING_TIMEOUT_MS / 1000 + " s" : String.format("%.1f ms", value);
    }

    /** A message of about {@code size} octets with the final dot line, in 57-octet text lines. */
    private static byte[] message(int size, String from, String to) {
        String line = "The quick brown fox jumps over the lazy dog 0123456789.\r\n";
        StringBuilder text = new StringBuilder("From: <" + from + ">\r\nTo: <" + to + ">\r\nSubject: load test\r\n\r\n");
        while (text.length() + line.length() + 3 <= size) {
            text.append(line);
        }
        return text.append(".\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static double percentile(long[] sortedNanos, int percent) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = Math.min(sortedNanos.length - 1, (int) Math.ceil(percent / 100.0 * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, index)] / 1e6;
    }

    private static void expect(InputStream in, String code) throws IOException {
        String reply = reply(in);
        if (!reply.startsWith(code)) {
            throw new IOException("expected " + code + ", got " + reply);
        }
    }

    /** One whole reply, multi-line replies included; returns its last line. */
    private static String reply(InputStream in) throws IOException {
        while (true) {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            if (line.length() < 4 || line.charAt(3) != '-') {
                return line.toString();
            }
        }
    }
}
