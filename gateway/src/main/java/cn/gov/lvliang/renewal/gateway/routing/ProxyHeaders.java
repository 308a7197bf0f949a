package cn.gov.lvliang.renewal.gateway.routing;

import io.vertx.core.MultiMap;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

/** Header rules of the proxy: hop-by-hop headers, request ids and W3C trace context. */
final class ProxyHeaders {

    static final String REQUEST_ID = "X-Request-Id";
    static final String TRACEPARENT = "traceparent";
    static final String TRACESTATE = "tracestate";

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

    /**
     * Removes the caller's W3C trace context from the headers sent upstream: the gateway's client
     * span writes its own {@code traceparent} (a child of the server span, which continued the
     * caller's trace when it sent a valid one).
     */
    static void dropTraceContext(MultiMap headers) {
        headers.remove(TRACEPARENT);
        headers.remove(TRACESTATE);
    }
}
