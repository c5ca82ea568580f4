// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.eemail.ra.config.Listener;
import org.eemail.ra.pop3.Pop3Session;
import org.eemail.ra.smtp.SmtpSession;
import org.junit.jupiter.api.Test;

/** The pipeline without sockets: framing limits and one reply per line. */
class SessionPipelineTest {

    private static EmbeddedChannel channel(Listener listener) {
        SessionFactory sessions = l -> l == Listener.POP3 ? new Pop3Session("mx.test") : SmtpSessions.placeholder();
        return new EmbeddedChannel(new SessionChannelInitializer(listener, null, sessions, c -> { }));
    }

    private static void send(EmbeddedChannel channel, String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
    }

    private static String read(EmbeddedChannel channel) {
        ByteBuf reply = channel.readOutbound();
        try {
            return reply.toString(StandardCharsets.UTF_8);
        } finally {
            reply.release();
        }
    }

    @Test
    void greetsAndAnswersEachLineOnce() {
        EmbeddedChannel channel = channel(Listener.SMTP);
        assertEquals("220 mx.test ESMTP\r\n", read(channel));
        send(channel, "NOOP\r\nNOOP\r\n");
        assertEquals("250 2.0.0 OK\r\n", read(channel));
        assertEquals("250 2.0.0 OK\r\n", read(channel));
    }

    @Test
    void anSmtpLineOver512OctetsIsRefusedAndTheSessionGoesOn() {
        EmbeddedChannel channel = channel(Listener.SMTP);
        read(channel);
        send(channel, "NOOP " + "x".repeat(505) + "\r\n"); // 512 octets with CRLF: allowed
        assertEquals("250 2.0.0 OK\r\n", read(channel));
        send(channel, "NOOP " + "x".repeat(506) + "\r\n"); // 513
        assertEquals("500 5.5.2 Line too long\r\n", read(channel));
        send(channel, "NOOP\r\n");
        assertEquals("250 2.0.0 OK\r\n", read(channel));
    }

    @Test
    void aPop3LineOver255OctetsIsRefused() {
        EmbeddedChannel channel = channel(Listener.POP3);
        read(channel);
        send(channel, "X".repeat(300) + "\r\nQUIT\r\n");
        assertEquals("-ERR Line too long\r\n", read(channel));
        assertEquals("+OK mx.test POP3 server signing off\r\n", read(channel));
        channel.runPendingTasks();
        assertFalse(channel.isOpen(), "QUIT closes the connection");
    }
}
