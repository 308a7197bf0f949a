package cn.gov.lvliang.renewal.console.api;

import cn.gov.lvliang.renewal.console.session.ConsoleConfig;
import cn.gov.lvliang.renewal.console.session.Session;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vertx.mutiny.ext.web.multipart.MultipartForm;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The suite's public API through the gateway (API 网关), called with the signed-in user's token.
 * The console's only source of data: it holds no business rule and reads no database.
 */
@ApplicationScoped
public class Gateway {

    /** Connections to the gateway at most: the calls of {@link #getAll} beyond them wait. */
    static final int MAX_CONNECTIONS = 16;

    private final WebClient client;
    private final String baseUrl;
    private final Duration timeout;
    private final ObjectMapper json;

    public Gateway(Vertx vertx, ConsoleConfig config, ObjectMapper json) {
        // getAll sends a dashboard chart's calls at once: more connections than Vert.x's default 5
        this.client = WebClient.create(
                vertx, new WebClientOptions().setConnectTimeout(2000).setMaxPoolSize(MAX_CONNECTIONS));
        String url = config.gatewayUrl();
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.timeout = config.requestTimeout();
        this.json = json;
    }

    /** {@code GET path} (with its query) as the user. */
    public ApiResponse get(Session session, String path, Locale locale) {
        return send(HttpMethod.GET, path, session, null, locale, Map.of());
    }

    /**
     * {@code GET} of every path at once as the user (a chart that needs several answers): the answers
     * in the order of the paths, after the slowest.
     */
    public List<ApiResponse> getAll(Session session, List<String> paths, Locale locale) {
        List<Uni<ApiResponse>> calls = new ArrayList<>();
        for (String path : paths) {
            calls.add(request(HttpMethod.GET, path, session, locale, Map.of())
                    .send()
                    .map(response -> new ApiResponse(response.statusCode(), parse(response.body()))));
        }
        if (calls.isEmpty()) {
            return List.of();
        }
        return Uni.join().all(calls).andFailFast().await().atMost(timeout.plusSeconds(1));
    }

    /** {@code POST path} with a JSON body as the user. */
    public ApiResponse post(Session session, String path, Object body, Locale locale) {
        return send(HttpMethod.POST, path, session, body, locale, Map.of());
    }

    /** Any call; {@code session} may be {@code null} (the dev-token endpoint). */
    public ApiResponse send(
            HttpMethod method, String path, Session session, Object body, Locale locale, Map<String, String> headers) {
        HttpRequest<Buffer> request = request(method, path, session, locale, headers);
        HttpResponse<Buffer> response;
        if (body == null) {
            response = request.send().await().atMost(timeout.plusSeconds(1));
        } else {
            request.putHeader("Content-Type", "application/json");
            response = request.sendBuffer(Buffer.buffer(bytes(body))).await().atMost(timeout.plusSeconds(1));
        }
        return new ApiResponse(response.statusCode(), parse(response.body()));
    }

    private HttpRequest<Buffer> request(
            HttpMethod method, String path, Session session, Locale locale, Map<String, String> headers) {
        HttpRequest<Buffer> request = client.requestAbs(method, baseUrl + path)
                .timeout(timeout.toMillis())
                .putHeader("Accept", "application/json, application/problem+json")
                .putHeader("Accept-Language", locale.toLanguageTag());
        if (session != null) {
            request.bearerTokenAuthentication(session.token());
        }
        headers.forEach(request::putHeader);
        return request;
    }

    /** The raw bytes of a {@code GET} (a file such as an XLSX template). */
    public HttpResponse<Buffer> download(Session session, String path, Locale locale) {
        return client.requestAbs(HttpMethod.GET, baseUrl + path)
                .timeout(timeout.toMillis())
                .bearerTokenAuthentication(session.token())
                .putHeader("Accept-Language", locale.toLanguageTag())
                .send()
                .await()
                .atMost(timeout.plusSeconds(1));
    }

    /** Sends a file as the form field {@code file} of a multipart request (a bulk import). */
    public ApiResponse uploadFile(Session session, String path, java.nio.file.Path file, String name, Locale locale) {
        return uploadFile(session, path, Map.of(), file, name == null || name.isBlank() ? "upload.xlsx" : name, locale);
    }

    /**
     * Sends a file as the form field {@code file} of a multipart request, after the given text
     * fields (an evidence document's {@code kind}). The services detect the type from the content.
     */
    public ApiResponse uploadFile(
            Session session,
            String path,
            Map<String, String> fields,
            java.nio.file.Path file,
            String name,
            Locale locale) {
        MultipartForm form = MultipartForm.create();
        fields.forEach(form::attribute);
        form.binaryFileUpload(
                "file", name == null || name.isBlank() ? "upload" : name, file.toString(), "application/octet-stream");
        Duration bulk = timeout.multipliedBy(10);
        HttpResponse<Buffer> response = client.requestAbs(HttpMethod.POST, baseUrl + path)
                .timeout(bulk.toMillis())
                .bearerTokenAuthentication(session.token())
                .putHeader("Accept", "application/json, application/problem+json")
                .putHeader("Accept-Language", locale.toLanguageTag())
                .sendMultipartForm(form)
                .await()
                .atMost(bulk.plusSeconds(1));
        return new ApiResponse(response.statusCode(), parse(response.body()));
    }

    private byte[] bytes(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(Buffer body) {
        return Json.parse(body);
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
