// SPDX-License-Identifier: Apache-2.0
package org.eemail.ejb.store;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads exactly the declared number of octets from a stream and fails loudly otherwise. The
 * database drivers take a length with a stream; a stream that ends early must not become a
 * silently shortened message, nor one that goes on a silently cut one.
 */
final class DeclaredLengthInputStream extends FilterInputStream {

    private final long declared;
    private long remaining;

    DeclaredLengthInputStream(InputStream in, long declared) {
        super(in);
        this.declared = declared;
        this.remaining = declared;
    }

    @Override
    public int read() throws IOException {
        if (remaining == 0) {
            return -1;
        }
        int b = in.read();
        if (b < 0) {
            throw endedEarly();
        }
        remaining--;
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (remaining == 0) {
            return -1;
        }
        int n = in.read(buffer, offset, (int) Math.min(length, remaining));
        if (n < 0) {
            throw endedEarly();
        }
        remaining -= n;
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(Math.min(n, remaining));
        remaining -= skipped;
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(in.available(), remaining);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Fails unless every declared octet was read and the stream has nothing after them. */
    void requireEnd() throws IOException {
        if (remaining > 0) {
            throw new IOException("only " + (declared - remaining) + " of " + declared + " octets were read");
        }
        if (in.read() >= 0) {
            throw new IOException("message longer than the declared " + declared + " octets");
        }
    }

    private IOException endedEarly() {
        return new IOException("message ended after " + (declared - remaining) + " of " + declared + " octets");
    }
}
