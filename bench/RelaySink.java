// SPDX-License-Identifier: Apache-2.0

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The far end of a relay benchmark, run from source: {@code java bench/RelaySink.java [options]}.
 * An SMTP sink on loopback that takes every message (the server under test relays to it as its
 * smart host, {@code -Dmail.relay.host=[127.0.0.1]:2526}) and reports:
 *
 * <p>throughput: messages per second from the first arrival to the {@code --expect}-th (send
 * them with SmtpLoad to a foreign address, from a trusted network);
 *
 * <p>{@code --probe host:port}: the time from the server's 250 to the arrival here, for
 * {@code --probes} messages sent one at a time to {@code --to} over the server's MTA port: how
 * soon the first delivery attempt starts after acceptance.
 *
 * <p>Options: --port 2526 --expect 0 --probe (none) --probes 20 --to probe@far.example.
 */
public final class RelaySink {

    private static final AtomicInteger ARRIVED = new AtomicInteger();
    private static final AtomicLong FIRST = new AtomicLong();
    private static final AtomicInteger CONNECTIONS = new AtomicInteger();
    private static final Map<String, Long> PROBES_ARRIVED = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].substring(2), args[i + 1]);
        }
        ServerSocket server = new ServerSocket(Integer.parseInt(options.getOrDefault("port", "2526")), 200,
                InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> accept(server));
        acceptor.setDaemon(true);
        acceptor.start();
        System.out.println("sink listening on " + server.getLocalSocketAddress());
        if (options.containsKey("probe")) {
            String[] target = options.get("probe").split(":");
            probe(new InetSocketAddress(target[0], Integer.parseInt(target[1])),
                    Integer.parseInt(options.getOrDefault("probes", "20")), options.getOrDefault("to", "probe@far.example"));
        }
        int expect = Integer.parseInt(options.getOrDefault("expect", "0"));
        if (expect > 0) {
            while (ARRIVED.get() < expect) {
                Thread.sleep(1000);
                System.out.printf("%d arrived%n", ARRIVED.get());
            }
            double seconds = (System.nanoTime() - FIRST.get()) / 1e9;
            System.out.printf("relayed=%d rate=%.0f msg/s from first arrival to last (%.1f s), %d connections%n",
                    ARRIVED.get(), ARRIVED.get() / seconds, seconds, CONNECTIONS.get());
        }
    }

    private static void probe(InetSocketAddress server, int probes, String to) throws Exception {
        long[] delays = new long[probes];
        for (int p = 0; p < probes; p++) {
            String marker = "probe-" + System.nanoTime();
            long accepted = send(server, to, marker);
            while (!PROBES_ARRIVED.containsKey(marker)) {
                Thread.sleep(1);
            }
            delays[p] = PROBES_ARRIVED.get(marker) - accepted;
            Thread.sleep(200);
        }
        Arrays.sort(delays);
        System.out.printf("acceptance to arrival at the sink: p50=%.1f ms max=%.1f ms over %d probes%n",
                delays[probes / 2] / 1e6, delays[probes - 1] / 1e6, probes);
    }

    /** Sends one message and returns when the server's final 250 came (System.nanoTime). */
    private static long send(InetSocketAddress server, String to, String marker) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(server, 10_000);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            reply(in);
            for (String command : new String[] {"EHLO probe.test", "MAIL FROM:<probe@example.test>", "RCPT TO:<" + to + ">", "DATA"}) {
                out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
                String reply = reply(in);
                if (!reply.startsWith("2") && !reply.startsWith("3")) {
                    throw new IOException(command + ": " + reply);
                }
            }
            out.write(("Subject: " + marker + "\r\n\r\nprobe\r\n.\r\n").getBytes(StandardCharsets.US_ASCII));
            String reply = reply(in);
            long accepted = System.nanoTime();
            if (!reply.startsWith("250")) {
                throw new IOException("end of data: " + reply);
            }
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            return accepted;
        }
    }

    private static void accept(ServerSocket server) {
        while (true) {
            try {
                Socket client = server.accept();
                CONNECTIONS.incrementAndGet();
                Thread session = new Thread(() -> serve(client));
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void serve(Socket client) {
        try (client; InputStream in = new BufferedInputStream(client.getInputStream());
             OutputStream out = client.getOutputStream()) {
            write(out, "220 sink.test ESMTP");
            String line;
            while ((line = line(in)) != null) {
                String verb = line.length() < 4 ? line : line.substring(0, 4).toUpperCase();
                switch (verb) {
                    case "EHLO" -> write(out, "250-sink.test\r\n250-8BITMIME\r\n250-SIZE\r\n250 PIPELINING");
                    case "DATA" -> {
                        write(out, "354 go on");
                        String marker = null;
                        for (String text = line(in); text != null && !text.equals("."); text = line(in)) {
                            if (marker == null && text.startsWith("Subject: probe-")) {
                                marker = text.substring("Subject: ".length());
                            }
                        }
                        long now = System.nanoTime();
                        FIRST.compareAndSet(0, now);
                        ARRIVED.incrementAndGet();
                        if (marker != null) {
                            PROBES_ARRIVED.put(marker, now);
                        }
                        write(out, "250 2.0.0 Ok");
                    }
                    case "QUIT" -> {
                        write(out, "221 Bye");
                        return;
                    }
                    default -> write(out, "250 Ok");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void write(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return null;
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private static String reply(InputStream in) throws IOException {
        while (true) {
            String line = line(in);
            if (line == null) {
                throw new IOException("connection closed");
            }
            if (line.length() < 4 || line.charAt(3) != '-') {
                return line;
            }
        }
    }
}
