// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.protocol;

import java.io.InputStream;

/**
 * A sink that counts octets and keeps none: where the text of a refused DATA or BDAT goes, so the
 * transport still reads it to the end and the next command is found where the client put it.
 */
public final class DiscardingMessageSink implements MessageSink {

    private long size;

    @Override
    public void write(byte[] octets, int offset, int length) {
        size += length;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public boolean overLimit() {
        return false;
    }

    @Override
    public boolean hasBareLineEnding() {
        return false;
    }

    @Override
    public InputStream open() {
        return InputStream.nullInputStream();
    }

    @Override
    public void discard() {
        size = 0;
    }
}
