// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.transcript;

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
 * scripts: {@code C: line} is sent by the client, {@code S: regex} must match the next line the
 * server sends, {@code CLOSED} means the server has closed the connection, and {@code #} starts a
 * comment. The same file runs against the protocol core in unit tests and against the deployed
 * server over a socket.
 */
public record Transcript(String name, List<Step> steps) {

    /** One line of a transcript. */
    public sealed interface Step permits Send, Expect, ExpectClosed {
    }

    public record Send(String line) implements Step {
    }

    public record Expect(Pattern reply, int lineNumber) implements Step {
    }

    public record ExpectClosed(int lineNumber) implements Step {
    }

    public static Transcript read(Path file) throws IOException {
        List<Step> steps = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("C: ")) {
                steps.add(new Send(line.substring(3)));
            } else if (line.startsWith("S: ")) {
                steps.add(new Expect(Pattern.compile(line.substring(3)), i + 1));
            } else if (line.equals("CLOSED")) {
                steps.add(new ExpectClosed(i + 1));
            } else if (!line.isBlank() && !line.startsWith("#")) {
                throw new IOException(file + ":" + (i + 1) + ": not C:, S:, CLOSED or a comment: " + line);
            }
        }
        String fileName = file.getFileName().toString();
        return new Transcript(fileName.substring(0, fileName.length() - ".txt".length()), List.copyOf(steps));
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
