// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Octets made up as they are read (lines of varying bytes, all 256 values included), fed to a
 * digest on the way, so the test never holds the message.
 */
final class GeneratedContent extends InputStream {

    private final long length;
    private final MessageDigest digest;
    private long produced;

    GeneratedContent(long length, MessageDigest digest) {
        this.length = length;
        this.digest = digest;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) {
        if (produced == length) {
            return -1;
        }
        int n = (int) Math.min(count, length - produced);
        for (int i = 0; i < n; i++) {
            long position = produced + i;
            buffer[offset + i] = position % 78 == 76 ? (byte) '\r' : position % 78 == 77 ? (byte) '\n'
                    : (byte) (position * 31 + position / 78);
        }
        digest.update(buffer, offset, n);
        produced += n;
        return n;
    }

    long produced() {
        return produced;
    }
}
