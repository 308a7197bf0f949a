// Reference consumer of the statistics bureau's pull side (统计局参考客户端). JDK 17 only, no
// dependencies; run it as a single-file program:
//
//   TOKEN=... java docs/statistics/BureauClient.java http://localhost:8080 141124 2026-11
//
// 1. Catches up on the bureau's stream through the backfill API, page by page, and keeps the last
//    cursor in bureau.cursor: run it again later and it continues exactly where it stopped (the
//    cursor is a position in the stream; nothing is skipped or repeated).
// 2. Downloads the SDMX-CSV 2.0 export of one county and month into sdmx-<area>-<period>.csv.
// The live stream is read from Kafka instead; see README.md in this folder.

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class BureauClient {

    private static final Pattern CURSOR = Pattern.compile("\"nextCursor\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern MORE = Pattern.compile("\"more\"\\s*:\\s*(true|false)");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String gateway = args.length > 0 ? args[0] : "http://localhost:8080";
        String area = args.length > 1 ? args[1] : "141124";
        String period = args.length > 2 ? args[2] : java.time.YearMonth.now().toString();
        String token = System.getenv("TOKEN");
        if (token == null || token.isBlank()) {
            System.err.println("Set TOKEN to a bearer token with the role statistics-bureau.");
            System.exit(2);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        Path cursorFile = Path.of("bureau.cursor");
        String cursor = Files.exists(cursorFile) ? Files.readString(cursorFile).strip() : "";
        int events = 0;
        boolean more = true;
        for (int pages = 0; more && pages < 10_000; pages++) {
            String url = gateway + "/api/tasks/statistics/events?size=500"
                    + (cursor.isEmpty() ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            String page = get(http, url, token, "application/json");
            Matcher ids = ID.matcher(page);
            while (ids.find()) {
                events++; // a real consumer parses each CloudEvent here and deduplicates by id
            }
            Matcher c = CURSOR.matcher(page);
            if (c.find()) {
                cursor = c.group(1);
                Files.writeString(cursorFile, cursor); // only after the page is processed
            }
            Matcher m = MORE.matcher(page);
            more = m.find() && Boolean.parseBoolean(m.group(1));
        }
        System.out.printf("caught up: %d events read, cursor kept in %s%n", events, cursorFile);

        String csv = get(
                http,
                gateway + "/api/tasks/statistics/sdmx/data?area=" + area + "&period=" + period,
                token,
                "application/vnd.sdmx.data+csv; version=2.0.0");
        Path out = Path.of("sdmx-" + area + "-" + period + ".csv");
        Files.writeString(out, csv);
        System.out.printf("%s: %d observations%n", out, csv.split("\n").length - 1);
    }

    private static String get(HttpClient http, String url, String token, String accept) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Accept", accept)
                .GET()
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " -> " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
