// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.protocol;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A message held in memory while it is small and in a temporary file once it grows, so that a
 * large message is never in memory whole. Tracks the size limit and bare CR or LF as it goes.
 * Not thread-safe: one session writes it.
 */
public final class SpooledMessageSink implements MessageSink {

    private final long limit;
    private final int memoryThreshold;
    private final Path spoolDirectory;

    /** Allocated at the first write, so that {@link #holding} allocates nothing. */
    private byte[] memory = new byte[0];
    private int memoryLength;
    private Path file;
    private OutputStream fileOut;
    private long size;
    private boolean bareLineEnding;
    private boolean lastWasCr;

    /**
     * @param limit           the most octets kept; more are counted, not kept
     * @param memoryThreshold the most octets kept in memory before moving to a file
     * @param spoolDirectory  where the temporary file goes
     */
    public SpooledMessageSink(long limit, int memoryThreshold, Path spoolDirectory) {
        this.limit = limit;
        this.memoryThreshold = memoryThreshold;
        this.spoolDirectory = spoolDirectory;
    }

    /**
     * A sink that holds {@code octets} already, in memory, as if they had been written to it:
     * the array is taken over, not copied, and nothing more may be written.
     */
    public static SpooledMessageSink holding(byte[] octets) {
        SpooledMessageSink sink = new SpooledMessageSink(octets.length, octets.length, null);
        sink.scanLineEndings(octets, 0, octets.length);
        sink.memory = octets;
        sink.memoryLength = octets.length;
        sink.size = octets.length;
        return sink;
    }

    @Override
    public void write(byte[] octets, int offset, int length) throws IOException {
        scanLineEndings(octets, offset, length);
        long room = Math.max(0, limit - size);
        size += length;
        int kept = (int) Math.min(room, length);
        if (kept == 0) {
            return;
        }
        if (file == null && memoryLength + kept <= memoryThreshold) {
            if (memoryLength + kept > memory.length) {
                int grown = Math.max(Math.max(memory.length * 2, 4096), memoryLength + kept);
                memory = Arrays.copyOf(memory, Math.min(memoryThreshold, grown));
            }
            System.arraycopy(octets, offset, memory, memoryLength, kept);
            memoryLength += kept;
            return;
        }
        if (file == null) {
            Files.createDirectories(spoolDirectory);
            file = Files.createTempFile(spoolDirectory, "message-", ".eml");
            fileOut = Files.newOutputStream(file);
            fileOut.write(memory, 0, memoryLength);
            memory = null;
        }
        fileOut.write(octets, offset, kept);
    }

    private void scanLineEndings(byte[] octets, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            byte b = octets[i];
            if (b == '\n' && !lastWasCr || lastWasCr && b != '\n') {
                bareLineEnding = true;
            }
            lastWasCr = b == '\r';
        }
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public boolean overLimit() {
        return size > limit;
    }

    @Override
    public boolean hasBareLineEnding() {
        return bareLineEnding || lastWasCr;
    }

    @Override
    public InputStream open() throws IOException {
        if (file == null) {
            return new ByteArrayInputStream(memory, 0, memoryLength);
        }
        fileOut.flush();
        return Files.newInputStream(file);
    }

    @Override
    public void discard() {
        memory = null;
        if (file != null) {
            try {
                fileOut.close();
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the spool file " + file, e);
            }
            file = null;
        }
    }
}
