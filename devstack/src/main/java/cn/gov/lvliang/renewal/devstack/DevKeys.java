package cn.gov.lvliang.renewal.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

/**
 * Dev key material, generated once and kept in {@code <state>/keys} (mode 700, files mode 600).
 *
 * <ul>
 *   <li>{@code token-private.pem} / {@code token-public.pem}: the RSA 2048 pair the gateway signs
 *       dev tokens with and every application verifies them with;
 *   <li>{@code pii.properties}: {@code hash-key}, shared by every service, and one
 *       {@code <module>.encryption-key} per service.
 * </ul>
 */
public final class DevKeys {

    static final String PRIVATE_KEY = "token-private.pem";
    static final String PUBLIC_KEY = "token-public.pem";
    static final String PII = "pii.properties";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;
    private final Properties pii;

    private DevKeys(Path directory, Properties pii) {
        this.directory = directory;
        this.pii = pii;
    }

    /** Loads the keys in {@code directory}, generating whatever is missing. */
    public static DevKeys loadOrCreate(Path directory, List<String> services) {
        try {
            createPrivateDirectory(directory);
            if (!Files.isRegularFile(directory.resolve(PRIVATE_KEY))
                    || !Files.isRegularFile(directory.resolve(PUBLIC_KEY))) {
                KeyPair pair = rsaKeyPair();
                writeSecret(
                        directory.resolve(PRIVATE_KEY),
                        pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                writeSecret(
                        directory.resolve(PUBLIC_KEY),
                        pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            }
            Path piiFile = directory.resolve(PII);
            Properties pii = new Properties();
            if (Files.isRegularFile(piiFile)) {
                try (Reader in = Files.newBufferedReader(piiFile, StandardCharsets.UTF_8)) {
                    pii.load(in);
                }
            }
            boolean changed = false;
            if (!pii.containsKey("hash-key")) {
                pii.setProperty("hash-key", randomBase64(32));
                changed = true;
            }
            for (String service : services) {
                if (!pii.containsKey(service + ".encryption-key")) {
                    pii.setProperty(service + ".encryption-key", randomBase64(32));
                    changed = true;
                }
            }
            if (changed) {
                try (Writer text = new StringWriter()) {
                    pii.store(text, "Dev PII keys (base64 of 32 random bytes). Do not use outside this machine.");
                    writeSecret(piiFile, text.toString());
                }
            }
            return new DevKeys(directory, pii);
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare dev keys in " + directory, e);
        }
    }

    public Path privateKey() {
        return directory.resolve(PRIVATE_KEY);
    }

    public Path publicKey() {
        return directory.resolve(PUBLIC_KEY);
    }

    /** Base64 of 32 bytes, the same for every service. */
    public String hashKey() {
        return pii.getProperty("hash-key");
    }

    /** Base64 of 32 bytes, one per service. */
    public String encryptionKey(String service) {
        String key = pii.getProperty(service + ".encryption-key");
        if (key == null) {
            throw new IllegalArgumentException("no encryption key for " + service);
        }
        return key;
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static String randomBase64(int bytes) {
        byte[] key = new byte[bytes];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    static void createPrivateDirectory(Path directory) throws IOException {
        Files.createDirectories(directory);
        if (posix()) {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** Writes a file that only its owner can read, without a moment of wider permissions. */
    static void writeSecret(Path file, String content) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        if (posix()) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(temp);
        }
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
}
