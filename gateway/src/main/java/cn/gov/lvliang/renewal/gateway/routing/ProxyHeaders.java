package cn.gov.lvliang.renewal.gateway.routing;

import io.vertx.core.MultiMap;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

/** Header rules of the proxy: hop-by-hop headers, request ids and W3C trace context. */
final class ProxyHeaders {

    static final String REQUEST_ID = "X-Request-Id";
    static final String TRACEPARENT = "traceparent";

    /** RFC 9110 §7.6.1 connection-specific headers, never forwarded in either direction. */
    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection",
            "keep-alive",
            "proxy-authenticate",
            "proxy-authorization",
            "proxy-connection",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade");

    /** The same rule as the platform's {@code RequestIds}. */
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private static final Pattern TRACEPARENT_FORMAT =
            Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ProxyHeaders() {}

    /**
     * Copies end-to-end headers from {@code from} to {@code to}, leaving out hop-by-hop headers,
     * those named in {@code Connection}, {@code Host} and {@code Expect}.
     */
    static void copyEndToEnd(MultiMap from, MultiMap to) {
        Set<String> skip = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        skip.addAll(HOP_BY_HOP);
        skip.add("host");
        // The gateway answers "Expect: 100-continue" itself and streams the body on.
        skip.add("expect");
        for (String connection : from.getAll("Connection")) {
            for (String token : connection.split(",")) {
                skip.add(token.trim().toLowerCase(Locale.ROOT));
            }
        }
        for (var header : from) {
            if (!skip.contains(header.getKey())) {
                to.add(header.getKey(), header.getValue());
            }
        }
    }

    /** The caller's request id when well-formed, else a fresh UUID. */
    static String requestId(String incoming) {
        return incoming != null && SAFE_REQUEST_ID.matcher(incoming).matches()
                ? incoming
                : UUID.randomUUID().toString();
    }

    /** The caller's {@code traceparent} when valid, else a new sampled one (version 00). */
    static String traceparent(String incoming) {
        if (incoming != null) {
            String value = incoming.trim();
            if (TRACEPARENT_FORMAT.matcher(value).matches()
                    && !value.startsWith("ff")
                    && !value.substring(3, 35).matches("0+")
                    && !value.substring(36, 52).matches("0+")) {
                return value;
            }
        }
        return "00-" + randomHex(16) + "-" + randomHex(8) + "-01";
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        do {
            RANDOM.nextBytes(random);
        } while (allZero(random));
        return HexFormat.of().formatHex(random);
    }

    private static boolean allZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
