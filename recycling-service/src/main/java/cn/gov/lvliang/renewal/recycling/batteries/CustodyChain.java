package cn.gov.lvliang.renewal.recycling.batteries;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * The chain of custody as a hash chain: each link's signature is SHA-256 over the previous
 * signature and the link's content, so changing, removing or reordering any stored handover breaks
 * every later signature. The chain starts at the registration's signature. Pure: no framework.
 */
public final class CustodyChain {

    private CustodyChain() {}

    /** The content one link signs. Times are kept to the microsecond, as PostgreSQL stores them. */
    public record Link(
            String packCode, int sequence, String from, String to, Instant handedOverAt, Integer stateOfHealthPercent) {

        String canonical() {
            return String.join(
                    "|",
                    "handover",
                    packCode,
                    String.valueOf(sequence),
                    from,
                    to,
                    handedOverAt.toString(),
                    String.valueOf(stateOfHealthPercent));
        }
    }

    /** The first signature of a pack's chain: over what the registering enterprise recorded. */
    public static String start(String packCode, String sourceVin, String registeredBy, Instant receivedAt) {
        return sha256(String.join(
                "|", "registration", packCode, String.valueOf(sourceVin), registeredBy, receivedAt.toString()));
    }

    /** The signature of {@code link}, following {@code previous}. */
    public static String sign(String previous, Link link) {
        return sha256(previous + "\n" + link.canonical());
    }

    /** Whether {@code signatures} are exactly the chain of {@code links} from {@code start}. */
    public static boolean verify(String start, List<Link> links, List<String> signatures) {
        if (links.size() != signatures.size()) {
            return false;
        }
        String previous = start;
        for (int i = 0; i < links.size(); i++) {
            if (links.get(i).sequence() != i + 1) {
                return false;
            }
            String expected = sign(previous, links.get(i));
            if (!MessageDigest.isEqual(
                    expected.getBytes(StandardCharsets.US_ASCII),
                    signatures.get(i).getBytes(StandardCharsets.US_ASCII))) {
                return false;
            }
            previous = expected;
        }
        return true;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
