package io.github.fairsynth.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * A zip archive of stored (uncompressed) members whose sizes are known before their bytes, as
 * {@code numpy.savez} writes: every member's place in the file is fixed up front, so the members'
 * bytes are written once, straight to their place, in any order of members; the CRCs go into the local
 * headers and the central directory at the end. Zip64 records are used where a size or an offset does
 * not fit 32 bits. Entries carry a fixed time stamp (1980-01-01), so the bytes depend only on the content.
 *
 * <p>A large archive's members go past the page cache ({@link #open}, {@link AlignedRegions}); the headers,
 * the members' ends that share a block with a header, and the central directory go through it at the end.
 */
final class StoredZip implements Closeable {
    private static final long MAX32 = 0xFFFFFFFFL;
    private static final int LOCAL_FIXED = 30;
    private static final int ZIP64_LOCAL_EXTRA = 20;

    private final FileChannel channel;
    private final byte[][] names;
    private final long[] sizes;
    private final long[] headerAt;
    private final long[] dataAt;
    private final long[] written;
    private final CRC32[] crcs;
    private final long zip64Above;
    private final long end;
    /** The members past the page cache, or null. */
    private AlignedRegions direct;

    /**
     * @param channel    the file, empty
     * @param names      member names
     * @param sizes      member sizes in bytes
     * @param zip64Above sizes and offsets above this use zip64 records ({@code 0xFFFFFFFF} but in tests)
     */
    StoredZip(FileChannel channel, String[] names, long[] sizes, long zip64Above) {
        this.channel = channel;
        this.zip64Above = zip64Above;
        int n = names.length;
        this.names = new byte[n][];
        this.sizes = sizes.clone();
        headerAt = new long[n];
        dataAt = new long[n];
        written = new long[n];
        crcs = new CRC32[n];
        long at = 0;
        for (int i = 0; i < n; i++) {
            this.names[i] = names[i].getBytes(StandardCharsets.UTF_8);
            headerAt[i] = at;
            dataAt[i] = at + LOCAL_FIXED + this.names[i].length + (bigSize(i) ? ZIP64_LOCAL_EXTRA : 0);
            at = dataAt[i] + sizes[i];
            crcs[i] = new CRC32();
        }
        end = at;
    }

    /**
     * An archive written through {@code channel}, its members past the page cache when the archive is large
     * ({@link AlignedRegions#open}).
     *
     * @param channel    the file, empty, open for writing
     * @param file       its path
     * @param names      member names
     * @param sizes      member sizes in bytes
     * @param zip64Above sizes and offsets above this use zip64 records ({@code 0xFFFFFFFF} but in tests)
     * @return the archive; close it after {@link #finish()}, or on failure
     * @throws IOException if the file cannot be opened a second time
     */
    static StoredZip open(FileChannel channel, Path file, String[] names, long[] sizes, long zip64Above)
            throws IOException {
        StoredZip zip = new StoredZip(channel, names, sizes, zip64Above);
        long[] ends = new long[sizes.length];
        for (int i = 0; i < ends.length; i++) {
            ends[i] = zip.dataAt[i] + sizes[i];
        }
        zip.direct = AlignedRegions.open(file, zip.end, zip.dataAt, ends);
        return zip;
    }

    /** Closes the members' direct channel, if any (not the caller's channel). */
    @Override
    public void close() throws IOException {
        if (direct != null) {
            direct.close();
        }
    }

    private boolean bigSize(int i) {
        return sizes[i] > zip64Above;
    }

    private boolean big(int i) {
        return bigSize(i) || headerAt[i] > zip64Above;
    }

    /**
     * Appends bytes to member {@code i}, at its place.
     *
     * @param i   member
     * @param b   bytes
     * @param off first
     * @param len count
     * @throws IOException on a write failure, or past the member's size
     */
    void append(int i, byte[] b, int off, int len) throws IOException {
        if (written[i] + len > sizes[i]) {
            throw new IOException("member " + new String(names[i], StandardCharsets.UTF_8) + " is longer than "
                    + sizes[i] + " bytes");
        }
        crcs[i].update(b, off, len);
        if (direct != null) {
            direct.append(i, b, off, len);
        } else {
            AlignedRegions.writeAt(channel, ByteBuffer.wrap(b, off, len), dataAt[i] + written[i]);
        }
        written[i] += len;
    }

    /**
     * Writes the local headers and the central directory.
     *
     * @throws IOException on a write failure, or when a member is shorter than its size
     */
    void finish() throws IOException {
        for (int i = 0; i < names.length; i++) {
            if (written[i] != sizes[i]) {
                throw new IOException("member " + new String(names[i], StandardCharsets.UTF_8) + " has " + written[i]
                        + " of its " + sizes[i] + " bytes");
            }
        }
        if (direct != null) {
            direct.writeEdges(channel);
        }
        for (int i = 0; i < names.length; i++) {
            ByteBuffer h = le(LOCAL_FIXED + names[i].length + (bigSize(i) ? ZIP64_LOCAL_EXTRA : 0));
            h.putInt(0x04034b50).putShort((short) (big(i) ? 45 : 20)).putShort((short) 0).putShort((short) 0);
            h.putShort((short) 0).putShort((short) 0x21); // 00:00, 1980-01-01
            h.putInt((int) crcs[i].getValue());
            int s32 = bigSize(i) ? (int) MAX32 : (int) sizes[i];
            h.putInt(s32).putInt(s32);
            h.putShort((short) names[i].length).putShort((short) (bigSize(i) ? ZIP64_LOCAL_EXTRA : 0));
            h.put(names[i]);
            if (bigSize(i)) {
                h.putShort((short) 1).putShort((short) 16).putLong(sizes[i]).putLong(sizes[i]);
            }
            writeAt(h, headerAt[i]);
        }
        long cdAt = end;
        long at = cdAt;
        for (int i = 0; i < names.length; i++) {
            boolean z = big(i);
            ByteBuffer c = le(46 + names[i].length + (z ? 28 : 0));
            c.putInt(0x02014b50).putShort((short) 45).putShort((short) (z ? 45 : 20)).putShort((short) 0);
            c.putShort((short) 0).putShort((short) 0).putShort((short) 0x21);
            c.putInt((int) crcs[i].getValue());
            c.putInt(z ? (int) MAX32 : (int) sizes[i]).putInt(z ? (int) MAX32 : (int) sizes[i]);
            c.putShort((short) names[i].length).putShort((short) (z ? 28 : 0)).putShort((short) 0);
            c.putShort((short) 0).putShort((short) 0).putInt(0);
            c.putInt(z ? (int) MAX32 : (int) headerAt[i]);
            c.put(names[i]);
            if (z) {
                c.putShort((short) 1).putShort((short) 24).putLong(sizes[i]).putLong(sizes[i]).putLong(headerAt[i]);
            }
            at += writeAt(c, at);
        }
        long cdSize = at - cdAt;
        int n = names.length;
        boolean z64 = cdAt > zip64Above || cdSize > zip64Above || n > 0xFFFF;
        for (int i = 0; i < n && !z64; i++) {
            z64 = big(i);
        }
        if (z64) {
            ByteBuffer e = le(56 + 20);
            e.putInt(0x06064b50).putLong(44).putShort((short) 45).putShort((short) 45).putInt(0).putInt(0);
            e.putLong(n).putLong(n).putLong(cdSize).putLong(cdAt);
            e.putInt(0x07064b50).putInt(0).putLong(at).putInt(1);
            at += writeAt(e, at);
        }
        ByteBuffer e = le(22);
        e.putInt(0x06054b50).putShort((short) 0).putShort((short) 0);
        short count = (short) (z64 ? 0xFFFF : n);
        e.putShort(count).putShort(count);
        e.putInt(z64 ? (int) MAX32 : (int) cdSize).putInt(z64 ? (int) MAX32 : (int) cdAt).putShort((short) 0);
        writeAt(e, at);
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    private int writeAt(ByteBuffer b, long pos) throws IOException {
        b.flip();
        int n = b.remaining();
        AlignedRegions.writeAt(channel, b, pos);
        return n;
    }
}
