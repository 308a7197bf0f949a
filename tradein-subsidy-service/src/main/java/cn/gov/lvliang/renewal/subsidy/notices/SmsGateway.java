package cn.gov.lvliang.renewal.subsidy.notices;

import cn.gov.lvliang.renewal.platform.pii.Masking;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * The HTTP SMS-gateway adapter (短信网关). A JSON POST {@code {"phoneNumber", "content", "outId"}}
 * signed in the style of the big Chinese providers: headers {@code X-Sms-Access-Key}, {@code
 * X-Sms-Timestamp}, {@code X-Sms-Nonce} and {@code X-Sms-Signature}, the base64 HMAC-SHA256, keyed by
 * the secret, of {@code POST \n path \n timestamp \n nonce \n hex(sha256(body))}. {@code outId} (also
 * the {@code Idempotency-Key} header) is the notification's id, the same on every attempt, so a
 * gateway that deduplicates by it sends a resent notification once (decision 0027). A 2xx answer
 * whose {@code code} is {@code OK} is sent; anything else is a failure with its reason.
 *
 * <p>Without a URL (local runs) the SMS is appended to {@code suite.notices.sms.log-file}, or logged.
 */
@ApplicationScoped
public class SmsGateway {

    private static final Logger LOG = Logger.getLogger(SmsGateway.class);

    private final NoticesConfig.Sms config;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http;

    public SmsGateway(NoticesConfig config, ObjectMapper json, Clock clock) {
        this.config = config.sms();
        this.json = json;
        this.clock = clock;
        this.http =
                HttpClient.newBuilder().connectTimeout(this.config.timeout()).build();
    }

    /** Sends one SMS; throws {@link DeliveryFailed} with the reason when it was not accepted. */
    public void send(UUID notificationId, String phone, String text) {
        if (config.url().isEmpty()) {
            writeLocally(notificationId, phone, text);
            return;
        }
        Map<String, String> payload = new LinkedHashMap<>();
        payload.put("phoneNumber", phone);
        payload.put("content", text);
        payload.put("outId", notificationId.toString());
        String body;
        try {
            body = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        URI uri = URI.create(config.url().get());
        String timestamp = Long.toString(Instant.now(clock).getEpochSecond());
        String nonce = UUID.randomUUID().toString();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(config.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", notificationId.toString())
                .header("X-Sms-Access-Key", config.accessKey().orElse(""))
                .header("X-Sms-Timestamp", timestamp)
                .header("X-Sms-Nonce", nonce)
                .header("X-Sms-Signature", signature(uri.getRawPath(), timestamp, nonce, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DeliveryFailed("sms gateway unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailed("interrupted");
        }
        String code = code(response.body());
        if (response.statusCode() / 100 != 2 || !"OK".equals(code)) {
            throw new DeliveryFailed("sms gateway answered " + response.statusCode() + " code " + code);
        }
    }

    /** The request signature (exposed for the gateway stub of the tests). */
    public static String signature(String secret, String path, String timestamp, String nonce, String body) {
        try {
            String bodyHash = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
            String canonical = String.join("\n", "POST", path, timestamp, nonce, bodyHash);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String signature(String path, String timestamp, String nonce, String body) {
        return signature(config.secret().orElse(""), path, timestamp, nonce, body);
    }

    private String code(String body) {
        try {
            return json.readTree(body).path("code").asText(null);
        } catch (IOException e) {
            return null;
        }
    }

    private void writeLocally(UUID notificationId, String phone, String text) {
        // the phone masked: a log is no place for it
        String line = Instant.now(clock) + " " + notificationId + " " + Masking.phone(phone) + " " + text
                + System.lineSeparator();
        if (config.logFile().isEmpty()) {
            LOG.infof("SMS (no gateway configured) %s", line.strip());
            return;
        }
        try {
            Files.writeString(
                    Path.of(config.logFile().get()),
                    line,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new DeliveryFailed("sms log file: " + e.getMessage());
        }
    }
}
