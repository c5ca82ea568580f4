// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.pop3;

import java.io.IOException;
import java.io.OutputStream;
import org.eemail.ra.protocol.MessageSink;

/** A {@link MessageSink} as an {@link OutputStream}, for the backend to copy a message into. */
final class SinkOutputStream extends OutputStream {

    private final MessageSink sink;

    SinkOutputStream(MessageSink sink) {
        this.sink = sink;
    }

    @Override
    public void write(int b) throws IOException {
        sink.write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] octets, int offset, int length) throws IOException {
        sink.write(octets, offset, length);
    }
}
