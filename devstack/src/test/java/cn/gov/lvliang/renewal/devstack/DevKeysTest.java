package cn.gov.lvliang.renewal.devstack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevKeysTest {

    @TempDir
    Path temp;

    @Test
    void generatesOnceKeepsAndCompletes() throws Exception {
        Path dir = temp.resolve("keys");
        DevKeys first = DevKeys.loadOrCreate(dir, List.of("tasks-service"));
        String privatePem = Files.readString(first.privateKey());
        DevKeys again = DevKeys.loadOrCreate(dir, List.of("tasks-service", "recycling-service"));

        assertEquals(privatePem, Files.readString(again.privateKey()));
        assertEquals(first.hashKey(), again.hashKey());
        assertEquals(first.encryptionKey("tasks-service"), again.encryptionKey("tasks-service"));
        assertNotEquals(again.encryptionKey("tasks-service"), again.encryptionKey("recycling-service"));
        assertEquals(32, Base64.getDecoder().decode(again.hashKey()).length);
        assertEquals(32, Base64.getDecoder().decode(again.encryptionKey("recycling-service")).length);

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        for (String file : List.of(DevKeys.PRIVATE_KEY, DevKeys.PUBLIC_KEY, DevKeys.PII)) {
            assertEquals(
                    "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(file))), file);
        }
    }

    @Test
    void theTokenPairIsAMatchingRsa2048PemPair() throws Exception {
        DevKeys keys = DevKeys.loadOrCreate(temp, List.of());
        String privatePem = Files.readString(keys.privateKey());
        String publicPem = Files.readString(keys.publicKey());
        assertTrue(privatePem.startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertTrue(publicPem.startsWith("-----BEGIN PUBLIC KEY-----\n"));

        KeyFactory rsa = KeyFactory.getInstance("RSA");
        var privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(der(privatePem)));
        var publicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(der(publicPem)));
        assertEquals(2048, publicKey.getModulus().bitLength());

        byte[] data = "吕梁".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(privateKey);
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(publicKey);
        verifier.update(data);
        assertTrue(verifier.verify(signature));
        assertArrayEquals(der(publicPem), publicKey.getEncoded());
    }

    private static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }
}
