package cn.gov.lvliang.renewal.console.dashboard;

import cn.gov.lvliang.renewal.console.api.ApiResponse;
import cn.gov.lvliang.renewal.console.api.Gateway;
import cn.gov.lvliang.renewal.console.session.Session;
import cn.gov.lvliang.renewal.console.web.Msg;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The leadership dashboard's charts (领导驾驶舱), each from the suite's public API as the user reads
 * it. The console only arranges the answers into tables and ECharts options: sums and groupings
 * for display, never a business rule.
 */
final class Charts {

    /** Claims and amounts per programme and month (分项目分月申请与补贴汇总), summed by the subsidy service. */
    static final String CLAIM_TOTALS = "/api/subsidies/claims/monthly-totals";

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Gateway gateway;
    private final Session session;
    private final Locale locale;
    private final Msg msg;

    Charts(Gateway gateway, Session session, Locale locale, Msg msg) {
        this.gateway = gateway;
        this.session = session;
        this.locale = locale;
        this.msg = msg;
    }

    /** The city's indicators: code → name, for the indicator picker. */
    Map<String, String> indicatorNames() {
        Map<String, String> names = new LinkedHashMap<>();
        ApiResponse answer = gateway.get(session, "/api/tasks/indicators", locale);
        if (answer.ok()) {
            answer.body()
                    .forEach(i ->
                            names.put(i.path("code").asText(), i.path("name").asText()));
        }
        return names;
    }

    Chart byName(String name, String indicator) {
        return switch (name) {
            case "indicator" -> indicator(indicator);
            case "counties" -> counties(indicator);
            case "claims" -> claims();
            case "budget" -> budget();
            case "overdue" -> overdue();
            default -> null;
        };
    }

    /** One indicator against its trajectory and target: baseline → expected now → target at the deadline. */
    Chart indicator(String code) {
        String title = msg.chartIndicator();
        ApiResponse answer = gateway.get(session, "/api/tasks/indicators/" + code, locale);
        if (!answer.ok()) {
            return Chart.unavailable(title, notice(answer));
        }
        JsonNode i = answer.body();
        JsonNode a = i.path("assessment");
        String baselineAt = i.path("baselineYear").asText();
        String now = a.path("asOf").asText();
        String deadline = i.path("deadline").asText();
        List<String> columns = List.of(msg.colPoint(), msg.colDate(), msg.seriesTrajectory(), msg.seriesActual());
        List<List<Object>> rows = inTimeOrder(List.of(
                row(msg.pointBaseline(), baselineAt, number(a, "baseline"), number(a, "baseline")),
                row(msg.pointNow(), now, number(a, "expected"), number(a, "actual")),
                row(msg.pointTarget(), deadline, number(a, "target"), null)));
        Map<String, Object> option =
                base(i.path("name").asText() + " (" + i.path("unit").asText() + ")");
        option.put("xAxis", Map.of("type", "category", "data", column(rows, 1)));
        option.put("yAxis", Map.of("type", "value"));
        option.put(
                "series",
                List.of(
                        series("line", msg.seriesTrajectory(), column(rows, 2)),
                        series("line", msg.seriesActual(), column(rows, 3))));
        return new Chart(title + " · " + i.path("name").asText(), columns, rows, option, null);
    }

    /**
     * The indicator's points in the order of their dates (column 1: a year, a month or a day, ISO
     * written, so their text sorts as time does): once a deadline has passed, "now" comes after the
     * target, not before it.
     */
    static List<List<Object>> inTimeOrder(List<List<Object>> rows) {
        return rows.stream()
                .sorted(Comparator.comparing(r -> String.valueOf(r.get(1))))
                .toList();
    }

    /** The 13 counties side by side: each county's actual and expected value of one indicator. */
    Chart counties(String code) {
        String title = msg.chartCounties();
        ApiResponse counties = gateway.get(session, "/api/tasks/counties", locale);
        if (!counties.ok()) {
            return Chart.unavailable(title, notice(counties));
        }
        List<String> paths = new ArrayList<>();
        for (JsonNode county : counties.body()) {
            paths.add("/api/tasks/indicators/" + code + "?area="
                    + county.path("code").asText());
        }
        // the 13 counties' assessments at once: one after another they took 13 round trips
        List<ApiResponse> answers = gateway.getAll(session, paths, locale);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            ApiResponse answer = answers.get(i);
            if (!answer.ok()) {
                return Chart.unavailable(title, notice(answer));
            }
            JsonNode county = counties.body().get(i);
            JsonNode a = answer.body().path("assessment");
            rows.add(row(
                    county.path("code").asText(),
                    county.path("name").asText(),
                    number(a, "actual"),
                    number(a, "expected"),
                    number(a, "target")));
        }
        List<String> columns =
                List.of(msg.colCounty(), msg.colName(), msg.seriesActual(), msg.seriesExpected(), msg.seriesTarget());
        Map<String, Object> option = base(title);
        option.put("xAxis", Map.of("type", "category", "data", column(rows, 1), "axisLabel", Map.of("interval", 0)));
        option.put("yAxis", Map.of("type", "value"));
        option.put(
                "series",
                List.of(
                        series("bar", msg.seriesActual(), column(rows, 2)),
                        series("bar", msg.seriesExpected(), column(rows, 3))));
        return new Chart(title, columns, rows, option, null);
    }

    /**
     * Claims filed and their amounts per programme and month (of submission, in China's time zone):
     * every claim the user may read, summed by the subsidy service in one call.
     */
    Chart claims() {
        String title = msg.chartClaims();
        ApiResponse answer = gateway.get(session, CLAIM_TOTALS, locale);
        if (!answer.ok()) {
            return Chart.unavailable(title, notice(answer));
        }
        // programme → month → [count, claimed fen, paid fen]
        Map<String, Map<String, long[]>> sums = new TreeMap<>();
        for (JsonNode total : answer.body()) {
            sums.computeIfAbsent(total.path("programmeId").asText(), p -> new TreeMap<>())
                    .put(total.path("month").asText(), new long[] {
                        total.path("claims").asLong(),
                        total.path("amountFen").asLong(),
                        total.path("paidAmountFen").asLong()
                    });
        }
        List<List<Object>> rows = new ArrayList<>();
        TreeSet<String> months = new TreeSet<>();
        sums.forEach((programme, byMonth) -> byMonth.forEach((month, s) -> {
            months.add(month);
            rows.add(row(programme, month, s[0], yuan(s[1]), yuan(s[2])));
        }));
        List<String> columns =
                List.of(msg.colProgramme(), msg.colMonth(), msg.colClaims(), msg.colClaimedYuan(), msg.colPaidYuan());
        Map<String, Object> option = base(title);
        option.put("xAxis", Map.of("type", "category", "data", List.copyOf(months)));
        option.put(
                "yAxis",
                List.of(
                        Map.of("type", "value", "name", msg.colClaims()),
                        Map.of("type", "value", "name", msg.colClaimedYuan())));
        List<Object> series = new ArrayList<>();
        sums.forEach((programme, byMonth) -> {
            List<Object> counts = new ArrayList<>();
            List<Object> amounts = new ArrayList<>();
            for (String month : months) {
                long[] s = byMonth.get(month);
                counts.add(s == null ? 0 : s[0]);
                amounts.add(s == null ? BigDecimal.ZERO : yuan(s[1]));
            }
            series.add(series("bar", programme + " · " + msg.colClaims(), counts));
            Map<String, Object> line = series("line", programme + " · " + msg.colClaimedYuan(), amounts);
            line.put("yAxisIndex", 1);
            series.add(line);
        });
        option.put("series", series);
        return new Chart(title, columns, rows, option, null);
    }

    /** Budget use per county and funding source: allocated, and used (reserved + posted). */
    Chart budget() {
        String title = msg.chartBudget();
        ApiResponse answer = gateway.get(session, "/api/subsidies/budget/accounts", locale);
        if (!answer.ok()) {
            return Chart.unavailable(title, notice(answer));
        }
        // county → source → [allocated, reserved, posted]
        Map<String, Map<String, long[]>> sums = new TreeMap<>();
        TreeSet<String> sources = new TreeSet<>();
        for (JsonNode account : answer.body()) {
            String source = account.path("fundingSource").asText();
            sources.add(source);
            long[] sum = sums.computeIfAbsent(account.path("county").asText(), c -> new TreeMap<>())
                    .computeIfAbsent(source, s -> new long[3]);
            sum[0] += account.path("allocatedFen").asLong();
            sum[1] += account.path("reservedFen").asLong();
            sum[2] += account.path("postedFen").asLong();
        }
        List<List<Object>> rows = new ArrayList<>();
        sums.forEach((county, bySource) -> bySource.forEach(
                (source, s) -> rows.add(row(county, source, yuan(s[0]), yuan(s[1]), yuan(s[2]), yuan(s[1] + s[2])))));
        List<String> columns = List.of(
                msg.colCounty(),
                msg.colFundingSource(),
                msg.colAllocatedYuan(),
                msg.colReservedYuan(),
                msg.colPostedYuan(),
                msg.colUsedYuan());
        List<String> counties = List.copyOf(sums.keySet());
        Map<String, Object> option = base(title);
        option.put("xAxis", Map.of("type", "category", "data", counties, "axisLabel", Map.of("interval", 0)));
        option.put("yAxis", Map.of("type", "value", "name", msg.colUsedYuan()));
        List<Object> series = new ArrayList<>();
        for (String source : sources) {
            List<Object> used = new ArrayList<>();
            List<Object> allocated = new ArrayList<>();
            for (String county : counties) {
                long[] s = sums.get(county).get(source);
                used.add(s == null ? BigDecimal.ZERO : yuan(s[1] + s[2]));
                allocated.add(s == null ? BigDecimal.ZERO : yuan(s[0]));
            }
            Map<String, Object> usedBars = series("bar", source + " · " + msg.colUsedYuan(), used);
            usedBars.put("stack", "used");
            series.add(usedBars);
            Map<String, Object> allocatedBars = series("bar", source + " · " + msg.colAllocatedYuan(), allocated);
            allocatedBars.put("stack", "allocated");
            series.add(allocatedBars);
        }
        option.put("series", series);
        return new Chart(title, columns, rows, option, null);
    }

    /** Overdue assignments per lead department (and per county for the counties' own assignments). */
    Chart overdue() {
        String title = msg.chartOverdue();
        ApiResponse answer = gateway.get(session, "/api/tasks/supervision/overdue", locale);
        if (!answer.ok()) {
            return Chart.unavailable(title, notice(answer));
        }
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (JsonNode assignment : answer.body().path("assignments")) {
            String code = assignment.hasNonNull("departmentCode")
                    ? assignment.path("departmentCode").asText()
                    : assignment.path("countyCode").asText();
            names.putIfAbsent(code, assignment.path("assigneeName").asText(code));
            counts.computeIfAbsent(code, c -> new long[1])[0]++;
        }
        List<List<Object>> rows = new ArrayList<>();
        counts.forEach((code, n) -> rows.add(row(code, names.get(code), n[0])));
        List<String> columns = List.of(msg.colAssignee(), msg.colName(), msg.colOverdue());
        Map<String, Object> option = base(title);
        option.put(
                "xAxis",
                Map.of("type", "category", "data", column(rows, 1), "axisLabel", Map.of("interval", 0, "rotate", 30)));
        option.put("yAxis", Map.of("type", "value", "minInterval", 1));
        option.put("series", List.of(series("bar", msg.colOverdue(), column(rows, 2))));
        return new Chart(title, columns, rows, option, null);
    }

    private String notice(ApiResponse answer) {
        return switch (answer.status()) {
            case 403 -> msg.chartForbidden();
            case 404 -> msg.chartNoData();
            default -> msg.chartFailed(answer.status());
        };
    }

    private static Map<String, Object> base(String title) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("title", Map.of("text", title, "left", "center", "textStyle", Map.of("fontSize", 14)));
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("bottom", 0, "type", "scroll"));
        option.put("grid", Map.of("left", 56, "right", 56, "top", 40, "bottom", 64, "containLabel", true));
        option.put("animation", false);
        return option;
    }

    private static Map<String, Object> series(String type, String name, List<Object> data) {
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("type", type);
        series.put("name", name);
        series.put("data", data);
        return series;
    }

    private static List<Object> row(Object... values) {
        return java.util.Arrays.asList(values);
    }

    private static List<Object> column(List<List<Object>> rows, int index) {
        List<Object> values = new ArrayList<>();
        rows.forEach(row -> values.add(row.get(index)));
        return values;
    }

    private static BigDecimal number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.decimalValue();
    }

    private static BigDecimal yuan(long fen) {
        return BigDecimal.valueOf(fen).divide(HUNDRED, 2, RoundingMode.UNNECESSARY);
    }
}
