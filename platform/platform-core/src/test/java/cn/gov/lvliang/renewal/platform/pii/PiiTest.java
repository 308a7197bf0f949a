package cn.gov.lvliang.renewal.platform.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class PiiTest {

    private static final byte[] KEY = new byte[32];
    private static final byte[] OTHER_KEY = new byte[32];

    static {
        Arrays.fill(KEY, (byte) 7);
        Arrays.fill(OTHER_KEY, (byte) 9);
    }

    @Property
    void encryptionRoundTripsAndNeverContainsThePlaintext(@ForAll String plaintext) {
        AesGcm cipher = new AesGcm(KEY);
        String sealed = cipher.encrypt(plaintext, "owner_id");
        assertThat(cipher.decrypt(sealed, "owner_id")).isEqualTo(plaintext);
        if (plaintext.length() >= 4) {
            assertThat(sealed).doesNotContain(plaintext);
        }
    }

    @Test
    void sameValueEncryptsDifferentlyEachTime() {
        AesGcm cipher = new AesGcm(KEY);
        assertThat(cipher.encrypt("11010519491231002X", "f")).isNotEqualTo(cipher.encrypt("11010519491231002X", "f"));
    }

    @Test
    void tamperedCiphertextWrongColumnAndWrongKeyAreRefused() {
        AesGcm cipher = new AesGcm(KEY);
        String sealed = cipher.encrypt("11010519491231002X", "owner_id");
        char last = sealed.charAt(sealed.length() - 2);
        String tampered = sealed.substring(0, sealed.length() - 2)
                + (last == 'A' ? 'B' : 'A')
                + sealed.charAt(sealed.length() - 1);
        assertThatThrownBy(() -> cipher.decrypt(tampered, "owner_id")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.decrypt(sealed, "owner_phone")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AesGcm(OTHER_KEY).decrypt(sealed, "owner_id"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keyedHashIsStableNormalisedAndKeyDependent() {
        KeyedHash hash = new KeyedHash(KEY);
        assertThat(hash.hash("11010519491231002x")).isEqualTo(hash.hash(" 11010519491231002X "));
        assertThat(hash.hash("11010519491231002X"))
                .hasSize(64)
                .isNotEqualTo(new KeyedHash(OTHER_KEY).hash("11010519491231002X"));
    }

    @Test
    void masks() {
        assertThat(Masking.idNumber("11010519491231002X")).isEqualTo("1101**********002X");
        assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Masking.name("张三")).isEqualTo("张*");
        assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧***");
    }
}
