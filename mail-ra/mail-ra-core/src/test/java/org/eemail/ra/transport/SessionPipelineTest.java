// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import org.eemail.ra.config.Listener;
import org.eemail.ra.config.ServerSettings;
import org.eemail.ra.pop3.FakePop3Backend;
import org.eemail.ra.tls.ServerTls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline without sockets: framing by mode (lines, DATA, BDAT chunks, STARTTLS), limits, and
 * one reply per command in order. {@link ScriptedSession} stands in for the SMTP session.
 */
class SessionPipelineTest {

    @TempDir
    Path spool;

    private EmbeddedChannel channel(Listener listener, SslContext tls) {
        SessionFactory sessions = (l, client) -> l == Listener.POP3 ? Pop3Sessions.fixture(new FakePop3Backend(), spool) : new ScriptedSession(spool);
        return new EmbeddedChannel(new SessionChannelInitializer(listener, tls, sessions, Runnable::run, c -> { }));
    }

    private static void send(EmbeddedChannel channel, String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1));
        channel.runPendingTasks();
    }

    private static String read(EmbeddedChannel channel) {
        channel.runPendingTasks();
        ByteBuf reply = channel.readOutbound();
        assertNotNull(reply, "no reply");
        try {
            return reply.toString(StandardCharsets.UTF_8);
        } finally {
            reply.release();
        }
    }

    @Test
    void pipelinedCommandsAreAnsweredOnceEachInOrder() {
        EmbeddedChannel channel = channel(Listener.SMTP, null);
        assertEquals("220 scripted\r\n", read(channel));
        send(channel, "ONE\r\nTWO\r\nTHREE\r\n");
        assertEquals("250 ONE\r\n", read(channel));
        assertEquals("250 TWO\r\n", read(channel));
        assertEquals("250 THREE\r\n", read(channel));
        assertNull(channel.readOutbound());
    }

    @Test
    void aLineThatCannotBlockIsAnsweredOnTheEventLoopYetAfterTheBlockingOneBeforeIt() {
        Queue<Runnable> worker = new ArrayDeque<>();
        EmbeddedChannel channel = new EmbeddedChannel(new SessionChannelInitializer(Listener.SMTP, null,
                (l, client) -> new ScriptedSession(spool), worker::add, c -> { }));
        read(channel);
        send(channel, "QUICK ONE\r\nBLOCKING\r\nQUICK TWO\r\n");
        assertEquals("250 QUICK ONE\r\n", read(channel), "answered without a worker");
        assertNull(channel.readOutbound(), "the blocking line waits for its worker, the next line behind it");
        assertEquals(1, worker.size());
        worker.remove().run();
        assertEquals("250 BLOCKING\r\n", read(channel));
        assertEquals("250 QUICK TWO\r\n", read(channel));
        assertTrue(worker.isEmpty(), "the last line needed no worker");
    }

    @Test
    void onlyCrLfEndsACommandLine() {
        EmbeddedChannel channel = channel(Listener.SMTP, null);
        read(channel);
        send(channel, "ONE\nTWO\r\n");
        assertEquals("250 ONE\nTWO\r\n", read(channel), "a bare LF is part of the line");
    }

    @Test
    void anSmtpLineOver512OctetsIsRefusedAndTheSessionGoesOn() {
        EmbeddedChannel channel = channel(Listener.SMTP, null);
        read(channel);
        String fits = "X".repeat(510);
        send(channel, fits + "\r\n");
        assertEquals("250 " + fits + "\r\n", read(channel), "512 octets with CRLF are allowed");
        send(channel, "X".repeat(511) + "\r\n");
        assertEquals("500 too long\r\n", read(channel));
        send(channel, "X".repeat(3000));
        send(channel, "X".repeat(3000) + "\r\nNEXT\r\n");
        assertEquals("500 too long\r\n", read(channel), "one refusal per long line, however it arrives");
        assertEquals("250 NEXT\r\n", read(channel));
    }

    @Test
    void aPop3LineOver255OctetsIsRefused() {
        EmbeddedChannel channel = channel(Listener.POP3, null);
        read(channel);
        send(channel, "X".repeat(300) + "\r\nQUIT\r\n");
        assertEquals("-ERR Line too long\r\n", read(channel));
        assertEquals("+OK mx.test POP3 server signing off\r\n", read(channel));
        assertFalse(channel.isOpen(), "QUIT closes the connection");
    }

    @Test
    void retrStreamsTheMessageDotStuffedInChunksBeforeTheNextReply() {
        FakePop3Backend backend = new FakePop3Backend();
        StringBuilder body = new StringBuilder("Subject: big\r\n\r\n");
        for (int line = 0; body.length() < 300_000; line++) {
            body.append(line % 2 == 0 ? "." : "").append("line ").append(line).append("\r\n");
        }
        backend.deliver("carol@example.test", body.toString().getBytes(StandardCharsets.US_ASCII));
        SessionFactory sessions = (l, client) -> Pop3Sessions.fixture(backend, spool);
        EmbeddedChannel channel = new EmbeddedChannel(new SessionChannelInitializer(Listener.POP3, null, sessions,
                Runnable::run, c -> { }));
        read(channel);
        send(channel, "USER carol@example.test\r\nPASS carol-pw\r\nRETR 4\r\nNOOP\r\n");

        StringBuilder wire = new StringBuilder();
        int writes = 0;
        for (ByteBuf piece; (piece = channel.readOutbound()) != null; writes++) {
            wire.append(piece.toString(StandardCharsets.US_ASCII));
            piece.release();
            channel.runPendingTasks();
        }

        String stuffed = body.toString().replace("\r\n.", "\r\n..");
        assertEquals("+OK Send PASS\r\n+OK Maildrop has 4 messages (" + (backend.sizeOf("carol@example.test")) + " octets)\r\n"
                + "+OK " + body.length() + " octets\r\n" + stuffed + ".\r\n+OK\r\n", wire.toString());
        assertTrue(writes > 4, "the text left in chunks, not in one piece: " + writes + " writes");
        assertTrue(writes < 100, "and in large chunks, not octet by octet: " + writes + " writes");
    }

    @Test
    void pipelinedRetrsOfSmallMessagesLeaveExactlyAsStoredAndInOrder() {
        FakePop3Backend backend = new FakePop3Backend();
        StringBuilder expected = new StringBuilder();
        StringBuilder commands = new StringBuilder("USER carol@example.test\r\nPASS carol-pw\r\n");
        for (int n = 1; n <= 40; n++) {
            String message = "Subject: " + n + "\r\n\r\n" + ".".repeat(n % 3) + "x".repeat(50 * n) + "\r\n.\r\n";
            backend.deliver("carol@example.test", message.getBytes(StandardCharsets.US_ASCII));
        }
        SessionFactory sessions = (l, client) -> Pop3Sessions.fixture(backend, spool);
        EmbeddedChannel channel = new EmbeddedChannel(new SessionChannelInitializer(Listener.POP3, null, sessions,
                Runnable::run, c -> { }));
        read(channel);
        for (int n = 4; n <= 43; n++) {
            commands.append("RETR ").append(n).append("\r\n");
            String message = "Subject: " + (n - 3) + "\r\n\r\n" + ".".repeat((n - 3) % 3) + "x".repeat(50 * (n - 3)) + "\r\n.\r\n";
            expected.append("+OK ").append(message.length()).append(" octets\r\n")
                    .append(message.replace("\r\n.", "\r\n..").replaceFirst("^\\.", "..")).append(".\r\n");
        }
        send(channel, commands + "NOOP\r\n");

        StringBuilder wire = new StringBuilder();
        for (ByteBuf piece; (piece = channel.readOutbound()) != null; channel.runPendingTasks()) {
            wire.append(piece.toString(StandardCharsets.US_ASCII));
            piece.release();
        }

        String afterLogin = wire.substring(wire.indexOf("octets)\r\n") + "octets)\r\n".length());
        assertEquals(expected + "+OK\r\n", afterLogin);
        assertTrue(backend.reads().size() < 5, "read ahead in few calls: " + backend.reads());
    }

    @Test
    void dataIsReadUpToTheDotLineAndWhatFollowsIsACommandAgain() {
        EmbeddedChannel channel = channel(Listener.SMTP, null);
        read(channel);
        send(channel, "DATA\r\n");
        assertEquals("354 go ahead\r\n", read(channel));
        send(channel, "Subject: hi\r\n\r\n..dot\r\nMAIL FROM:<x@y>\r\n.\r\nAFTER\r\n");
        assertEquals("250 received 38 octets: Subject: hi\r\n\r\n.dot\r\nMAIL FROM:<x@y>\r\n\r\n", read(channel));
        assertEquals("250 AFTER\r\n", read(channel));
    }

    @Test
    void bdatChunksAreReadByCountEvenWhenPipelined() {
        EmbeddedChannel channel = channel(Listener.SMTP, null);
        read(channel);
        send(channel, "BDAT 5\r\nA\r\n.\rBDAT 3 LAST\r\nB\r\nAFTER\r\n");
        assertEquals("250 chunk 5\r\n", read(channel));
        assertEquals("250 received 8 octets: A\r\n.\rB\r\n\r\n", read(channel));
        assertEquals("250 AFTER\r\n", read(channel));
    }

    @Test
    void startTlsDiscardsWhatWasPipelinedBeforeTheHandshake(@TempDir Path dataDir) {
        SslContext tls = ServerTls.create(ServerSettings.load(name -> Optional.ofNullable(
                Map.of("mail.data.dir", dataDir.toString(), "mail.hostname", "mx.test").get(name)))).context();
        EmbeddedChannel channel = channel(Listener.SMTP, tls);
        read(channel);
        send(channel, "STARTTLS\r\nINJECTED\r\n");
        assertEquals("220 ready\r\n", read(channel), "the 220 leaves in clear");
        assertTrue(channel.pipeline().first() instanceof SslHandler, "TLS is now first in the pipeline");
        assertNull(channel.readOutbound(), "the injected command was not answered");
    }

    @Test
    void aDisconnectInTheMiddleOfDataDeliversNothing() {
        EmbeddedChannel channel = channel(Listener.SMTP, null);
        read(channel);
        ScriptedSession session = (ScriptedSession) ((SessionHandler) channel.pipeline().get("session")).sessionForTests();
        send(channel, "DATA\r\n");
        read(channel);
        send(channel, "Subject: half a message\r\n");
        channel.close();
        assertTrue(session.closed, "the session is told, so it drops the spooled text");
        assertEquals(0, session.delivered);
    }

    @Test
    void aDelayedReplyHoldsBackTheNextCommandUntilItIsSent() throws InterruptedException {
        EmbeddedChannel channel = channel(Listener.SMTP, null);
        read(channel);
        send(channel, "SLOW\r\nNEXT\r\n");
        assertNull(channel.readOutbound(), "nothing before the delay has passed");
        Thread.sleep(1100);
        channel.runScheduledPendingTasks();
        assertEquals("535 slow\r\n", read(channel));
        assertEquals("250 NEXT\r\n", read(channel));
    }
}
