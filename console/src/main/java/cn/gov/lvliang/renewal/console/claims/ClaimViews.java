package cn.gov.lvliang.renewal.console.claims;

import cn.gov.lvliang.renewal.console.api.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.List;
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
