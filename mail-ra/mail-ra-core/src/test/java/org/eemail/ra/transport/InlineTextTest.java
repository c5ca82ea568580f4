// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.eemail.ra.protocol.DotStuffingInputStream;
import org.junit.jupiter.api.Test;

/** A text held in memory goes on the wire exactly as the streamed one does. */
class InlineTextTest {

    private static byte[] inline(String status, byte[] text) {
        ByteBuf out = InlineText.encode(UnpooledByteBufAllocator.DEFAULT, status, text);
        try {
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }

    private static byte[] streamed(byte[] text) throws IOException {
        try (DotStuffingInputStream in = new DotStuffingInputStream(new ByteArrayInputStream(text))) {
            return in.readAllBytes();
        }
    }

    @Test
    void theReplyThenTheTextDotStuffedAndTheDotLine() {
        byte[] text = ".one\r\ntwo.\r\n..three\r\n.\r\nend".getBytes(StandardCharsets.US_ASCII);

        assertEquals("+OK 31 octets\r\n..one\r\ntwo.\r\n...three\r\n..\r\nend\r\n.\r\n",
                new String(inline("+OK 31 octets\r\n", text), StandardCharsets.US_ASCII));
    }

    @Test
    void edgeCasesAndRandomTextsGoOutAsTheStreamSendsThem() throws IOException {
        List<String> cases = List.of("", ".", "\r\n", "\r\n.", "a\r\n", "a\n.b\r\n", "a\r.b", "x\r", "..\r\n..\r\n");
        for (String text : cases) {
            byte[] octets = text.getBytes(StandardCharsets.US_ASCII);
            assertArrayEquals(streamed(octets), inline("", octets), text);
        }
        Random random = new Random(4);
        byte[] alphabet = {'.', '\r', '\n', 'a'};
        for (int round = 0; round < 500; round++) {
            byte[] text = new byte[random.nextInt(3000)];
            for (int i = 0; i < text.length; i++) {
                text[i] = alphabet[random.nextInt(alphabet.length)];
            }
            assertArrayEquals(streamed(text), inline("", text), "round " + round);
        }
    }
}
