package cn.gov.lvliang.renewal.subsidy.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption of evidence objects, streaming both ways (decision 0017).
 *
 * <p>Each object gets a random AES-256 data key, wrapped by {@link EvidenceKeys} and written in
 * the object's header: {@code "LLEV" 1 | key id | wrapped key | chunk size}. The content follows
 * as AES-GCM chunks of {@link #CHUNK_BYTES} (each with its 16-byte tag); chunk {@code i}'s nonce is
 * {@code i} (8 bytes) and a final-chunk marker (4 bytes), and every chunk is bound to the object's
 * address, so chunks cannot be reordered, dropped from the end, or moved to another object. A
 * fresh key per object makes the counter nonces safe. Neither direction holds more than a chunk:
 * one GCM stream over the whole file could not be decrypted without buffering it whole (the JDK's
 * GCM releases no plaintext before the tag is checked).
 */
@ApplicationScoped
public class SealedObjects {

    static final int CHUNK_BYTES = 64 * 1024;
    static final int TAG_BYTES = 16;
    private static final byte[] MAGIC = "LLEV".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT = 1;

    private final EvidenceKeys keys;

    public SealedObjects(EvidenceKeys keys) {
        this.keys = keys;
    }

    /** Writes {@code plain} sealed to {@code out}; does not close either. */
    public void seal(InputStream plain, OutputStream out, String sha256) throws IOException {
        byte[] dataKey = EvidenceKeys.newDataKey();
        byte[] wrapped = keys.wrap(dataKey, sha256);
        DataOutputStream header = new DataOutputStream(out);
        header.write(MAGIC);
        header.writeByte(FORMAT);
        byte[] keyId = keys.keyId().getBytes(StandardCharsets.UTF_8);
        header.writeByte(keyId.length);
        header.write(keyId);
        header.writeShort(wrapped.length);
        header.write(wrapped);
        header.writeInt(CHUNK_BYTES);
        header.flush();
        SecretKeySpec key = new SecretKeySpec(dataKey, "AES");
        byte[] aad = aad(sha256);
        byte[] held = plain.readNBytes(CHUNK_BYTES);
        long index = 0;
        while (true) {
            byte[] next = held.length == CHUNK_BYTES ? plain.readNBytes(CHUNK_BYTES) : new byte[0];
            boolean last = next.length == 0;
            out.write(crypt(Cipher.ENCRYPT_MODE, key, index++, last, aad, held, held.length));
            if (last) {
                return;
            }
            held = next;
        }
    }

    /** The plaintext of a sealed object, read a chunk at a time; closing it closes {@code sealed}. */
    public InputStream open(InputStream sealed, String sha256) throws IOException {
        DataInputStream header = new DataInputStream(sealed);
        byte[] magic = header.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC) || header.readUnsignedByte() != FORMAT) {
            throw new IOException("evidence object " + sha256 + " is not a sealed object of format " + FORMAT);
        }
        String keyId = new String(header.readNBytes(header.readUnsignedByte()), StandardCharsets.UTF_8);
        byte[] wrapped = header.readNBytes(header.readUnsignedShort());
        int chunkBytes = header.readInt();
        if (chunkBytes <= 0 || chunkBytes > 16 * 1024 * 1024) {
            throw new IOException("evidence object " + sha256 + " has an implausible chunk size " + chunkBytes);
        }
        SecretKeySpec key = new SecretKeySpec(keys.unwrap(keyId, wrapped, sha256), "AES");
        return new Opening(new PushbackInputStream(sealed, 1), key, aad(sha256), chunkBytes);
    }

    private static byte[] aad(String sha256) {
        return ("evidence-object:" + sha256).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] crypt(
            int mode, SecretKeySpec key, long index, boolean last, byte[] aad, byte[] in, int length)
            throws IOException {
        byte[] nonce =
                ByteBuffer.allocate(12).putLong(index).putInt(last ? 1 : 0).array();
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(in, 0, length);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IOException("an evidence chunk failed authentication (altered, reordered or truncated)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    /** Decrypts chunk by chunk; a chunk is the last one when nothing follows it. */
    private static final class Opening extends ChunkStream {
        private final PushbackInputStream sealed;
        private final SecretKeySpec key;
        private final byte[] aad;
        private final byte[] buffer;
        private long index;
        private boolean done;

        Opening(PushbackInputStream sealed, SecretKeySpec key, byte[] aad, int chunkBytes) {
            this.sealed = sealed;
            this.key = key;
            this.aad = aad;
            this.buffer = new byte[chunkBytes + TAG_BYTES];
        }

        @Override
        protected byte[] nextChunk() throws IOException {
            if (done) {
                return null;
            }
            int read = sealed.readNBytes(buffer, 0, buffer.length);
            if (read < TAG_BYTES) {
                throw new EOFException("evidence object truncated");
            }
            boolean last = read < buffer.length;
            if (!last) {
                int peek = sealed.read();
                if (peek == -1) {
                    last = true;
                } else {
                    sealed.unread(peek);
                }
            }
            done = last;
            return crypt(Cipher.DECRYPT_MODE, key, index++, last, aad, buffer, read);
        }

        @Override
        public void close() throws IOException {
            sealed.close();
        }
    }
}
