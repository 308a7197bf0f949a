package cn.gov.lvliang.renewal.subsidy.evidence;

import java.io.IOException;
import java.io.InputStream;

/** A stream over chunks fetched one at a time, so that at most one chunk is in memory. */
abstract class ChunkStream extends InputStream {

    private byte[] current = new byte[0];
    private int position;
    private boolean ended;

    /** The next chunk, or null after the last one. */
    protected abstract byte[] nextChunk() throws IOException;

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        while (position == current.length) {
            byte[] next = ended ? null : nextChunk();
            if (next == null) {
                ended = true;
                return -1;
            }
            current = next;
            position = 0;
        }
        int n = Math.min(len, current.length - position);
        System.arraycopy(current, position, b, off, n);
        position += n;
        return n;
    }
}
