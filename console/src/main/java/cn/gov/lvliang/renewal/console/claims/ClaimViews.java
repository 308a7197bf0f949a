package cn.gov.lvliang.renewal.console.claims;

import cn.gov.lvliang.renewal.console.api.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** How a claim's API answer is arranged on a page: checks by run, and its history as dated steps. */
final class ClaimViews {

    private ClaimViews() {}

    /** A run of the automatic checks (核验轮次) and its checks. */
    @TemplateData
    record Run(int number, List<Map<String, Object>> checks) {}

    /** One dated step of the claim's history (办理记录), with the message key of what happened. */
    @TemplateData
    record Step(String at, String what, String by) {}

    static List<Run> checksByRun(JsonNode claim) {
        Map<Integer, List<Map<String, Object>>> runs = new TreeMap<>();
        for (JsonNode check : claim.path("checks")) {
            runs.computeIfAbsent(check.path("run").asInt(), r -> new ArrayList<>())
                    .add(Json.map(check));
        }
        List<Run> result = new ArrayList<>();
        runs.forEach((number, checks) -> result.add(new Run(number, checks)));
        return result;
    }

    /** The types a browser shows by itself (PDF, JPEG, PNG); other evidence is downloaded. */
    static final List<String> INLINE_TYPES = List.of("application/pdf", "image/jpeg", "image/png");

    /** The media type to show inline, or "" for a download. */
    static String shownInline(String contentType) {
        String type =
                contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return INLINE_TYPES.contains(type) ? type : "";
    }

    /**
     * The claim's evidence documents (申请材料), each with {@code image} true when the page can
     * show it as a picture and {@code inline} true when the browser opens it by itself.
     */
    static List<Map<String, Object>> evidence(JsonNode claim) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (JsonNode document : claim.path("evidence")) {
            Map<String, Object> shown = Json.map(document);
            String inline = shownInline(document.path("mediaType").asText());
            shown.put("inline", !inline.isEmpty());
            shown.put("image", inline.startsWith("image/"));
            documents.add(shown);
        }
        return documents;
    }

    static List<Step> history(JsonNode claim) {
        List<Step> steps = new ArrayList<>();
        add(steps, claim, "submittedAt", "submitted", null);
        for (JsonNode check : claim.path("checks")) {
            if (check.path("checkedAt").isTextual()) {
                steps.add(new Step(check.path("checkedAt").asText(), "checked", null));
                break;
            }
        }
        add(steps, claim, "approvedAt", "approved", claim.path("reviewedBy").asText(null));
        add(steps, claim, "paidAt", "paid", null);
        steps.sort((a, b) -> a.at().compareTo(b.at()));
        return steps;
    }

    private static void add(List<Step> steps, JsonNode claim, String field, String what, String by) {
        JsonNode at = claim.path(field);
        if (at.isTextual()) {
            steps.add(new Step(at.asText(), what, by));
        }
    }
}
