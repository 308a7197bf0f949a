package cn.gov.lvliang.renewal.subsidy.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The chunked AES-GCM envelope: round trips at chunk boundaries, and every kind of tampering refused. */
class SealedObjectsTest {

    private static final int CHUNK = SealedObjects.CHUNK_BYTES;
    private static final String SHA = "a".repeat(64);

    private final SealedObjects sealing = new SealedObjects(new EvidenceKeys("test", key(1)));

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        new Random(seed).nextBytes(key);
        return key;
    }

    private static byte[] content(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private byte[] seal(byte[] plain, String sha) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sealing.seal(new ByteArrayInputStream(plain), out, sha);
        return out.toByteArray();
    }

    private static byte[] read(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    @Test
    void roundTripsAtEveryChunkBoundary() throws IOException {
        for (int size : new int[] {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 17}) {
            byte[] plain = content(size);
            byte[] sealed = seal(plain, SHA);
            assertThat(read(sealing.open(new ByteArrayInputStream(sealed), SHA)))
                    .as("%d bytes", size)
                    .isEqualTo(plain);
        }
    }

    @Test
    void eachObjectHasItsOwnDataKey() throws IOException {
        byte[] plain = content(1000);
        assertThat(seal(plain, SHA)).isNotEqualTo(seal(plain, SHA));
    }

    @Test
    void anAlteredByteIsRefused() throws IOException {
        byte[] sealed = seal(content(2 * CHUNK), SHA);
        sealed[sealed.length - CHUNK / 2] ^= 1;
        assertThatThrownBy(() -> read(sealing.open(new ByteArrayInputStream(sealed), SHA)))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aDroppedLastChunkIsRefused() throws IOException {
        byte[] sealed = seal(content(2 * CHUNK + 10), SHA);
        byte[] truncated = Arrays.copyOf(sealed, sealed.length - (10 + SealedObjects.TAG_BYTES));
        assertThatThrownBy(() -> read(sealing.open(new ByteArrayInputStream(truncated), SHA)))
                .isInstanceOf(IOException.class);
    }

    @Test
    void anObjectCopiedToAnotherAddressIsRefused() throws IOException {
        byte[] sealed = seal(content(100), SHA);
        assertThatThrownBy(() -> read(sealing.open(new ByteArrayInputStream(sealed), "b".repeat(64))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anotherWrappingKeyCannotOpenIt() throws IOException {
        byte[] sealed = seal(content(100), SHA);
        SealedObjects other = new SealedObjects(new EvidenceKeys("test", key(2)));
        assertThatThrownBy(() -> read(other.open(new ByteArrayInputStream(sealed), SHA)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theDerivedWrappingKeyIsNotThePiiKey() {
        byte[] pii = key(3);
        assertThat(EvidenceKeys.hkdf(pii)).hasSize(32).isNotEqualTo(pii).isEqualTo(EvidenceKeys.hkdf(pii));
    }
}
