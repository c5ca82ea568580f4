// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.transcript;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A scripted client/server conversation stored as a data file, in the format of Apache James' MPT
 * scripts. The same file runs against the protocol core in unit tests and against the deployed
 * server over a socket.
 *
 * <p>Steps, one per line:
 * <ul>
 *   <li>{@code C: line}: the client sends the line, and CRLF;</li>
 *   <li>{@code S: regex}: the next line the server sends must match;</li>
 *   <li>{@code CLOSED}: the server has closed the connection;</li>
 *   <li>{@code D: text}: the client sends the text and CRLF as message text after a 354, exactly
 *       as it goes on the wire, so dot-stuffing and the final {@code D: .} are written out;</li>
 *   <li>{@code B: text}: the client sends exactly these octets, with no CRLF added: a BDAT chunk
 *       (the {@code C: BDAT n} before it counts them), or several pipelined commands in one write;</li>
 *   <li>{@code TLS}: after a 220 to STARTTLS, the client starts TLS (in memory this calls
 *       {@code tlsStarted()}; over a socket the socket is wrapped in TLS and the handshake done).</li>
 * </ul>
 * In {@code D:} and {@code B:} text, {@code \r}, {@code \n}, {@code \0} and {@code \\} stand for
 * CR, LF, NUL and a backslash, so bare line endings can be written; the text is sent as UTF-8.
 *
 * <p>Header directives, before the first step: {@code @listener mta} (the default),
 * {@code @listener submission} or {@code @listener smtps} (submission over implicit TLS) chooses
 * the listener an SMTP transcript runs on; {@code @listener pop3} (STLS offered) or
 * {@code @listener pop3s} (implicit TLS) ties a POP3 transcript to one listener, which otherwise
 * runs on both. {@code #} starts a comment.
 */
public record Transcript(String name, String listener, List<Step> steps) {

    /** The listener of a transcript without {@code @listener}. */
    public static final String DEFAULT_LISTENER = "mta";

    private static final List<String> LISTENERS = List.of("mta", "submission", "smtps", "pop3", "pop3s");

    /** One line of a transcript. */
    public sealed interface Step permits Send, SendOctets, StartTls, Expect, ExpectClosed {
    }

    public record Send(String line) implements Step {
    }

    public record SendOctets(byte[] octets) implements Step {
    }

    public record StartTls(int lineNumber) implements Step {
    }

    public record Expect(Pattern reply, int lineNumber) implements Step {
    }

    public record ExpectClosed(int lineNumber) implements Step {
    }

    public static Transcript read(Path file) throws IOException {
        List<Step> steps = new ArrayList<>();
        String listener = DEFAULT_LISTENER;
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String where = file + ":" + (i + 1) + ": ";
            if (line.startsWith("@listener ")) {
                listener = line.substring("@listener ".length()).strip();
                if (!steps.isEmpty() || !LISTENERS.contains(listener)) {
                    throw new IOException(where + "@listener must come first and be one of " + LISTENERS);
                }
            } else if (line.startsWith("C: ")) {
                steps.add(new Send(line.substring(3)));
            } else if (line.startsWith("S: ")) {
                steps.add(new Expect(Pattern.compile(line.substring(3)), i + 1));
            } else if (line.startsWith("D: ") || line.equals("D:")) {
                steps.add(new SendOctets(unescape(line.substring(Math.min(3, line.length())) + "\r\n", where)));
            } else if (line.startsWith("B: ")) {
                steps.add(new SendOctets(unescape(line.substring(3), where)));
            } else if (line.equals("TLS")) {
                steps.add(new StartTls(i + 1));
            } else if (line.equals("CLOSED")) {
                steps.add(new ExpectClosed(i + 1));
            } else if (!line.isBlank() && !line.startsWith("#")) {
                throw new IOException(where + "not C:, S:, D:, B:, TLS, CLOSED, @listener or a comment: " + line);
            }
        }
        String fileName = file.getFileName().toString();
        return new Transcript(fileName.substring(0, fileName.length() - ".txt".length()), listener, List.copyOf(steps));
    }

    private static byte[] unescape(String text, String where) throws IOException {
        ByteArrayOutputStream octets = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                octets.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            char escaped = ++i < text.length() ? text.charAt(i) : ' ';
            switch (escaped) {
                case 'r' -> octets.write('\r');
                case 'n' -> octets.write('\n');
                case '\\' -> octets.write('\\');
                case '0' -> octets.write(0);
                default -> throw new IOException(where + "unknown escape \\" + escaped + " (use \\r, \\n, \\0 or \\\\)");
            }
        }
        return octets.toByteArray();
    }

    /** Every {@code *.txt} transcript in {@code directory}, sorted by name. */
    public static List<Transcript> readAll(Path directory) throws IOException {
        List<Transcript> transcripts = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                transcripts.add(read(file));
            }
        }
        return transcripts;
    }

    /**
     * Plays the transcript over {@code connection}; fails with an AssertionError naming the file
     * and line of the first step the server did not meet.
     */
    public void play(TranscriptConnection connection) throws IOException {
        for (Step step : steps) {
            if (step instanceof Send send) {
                connection.send(send.line());
            } else if (step instanceof SendOctets octets) {
                connection.sendOctets(octets.octets());
            } else if (step instanceof StartTls tls) {
                connection.startTls(name + ".txt:" + tls.lineNumber());
            } else if (step instanceof Expect expect) {
                String reply = connection.readLine();
                if (reply == null || !expect.reply().matcher(reply).matches()) {
                    throw new AssertionError(name + ".txt:" + expect.lineNumber() + ": expected /" + expect.reply()
                            + "/ but the server sent " + (reply == null ? "nothing (closed)" : "'" + reply + "'"));
                }
            } else if (step instanceof ExpectClosed closed) {
                String reply = connection.readLine();
                if (reply != null) {
                    throw new AssertionError(name + ".txt:" + closed.lineNumber()
                            + ": expected the connection closed but the server sent '" + reply + "'");
                }
            }
        }
    }
}
