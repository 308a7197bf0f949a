package cn.gov.lvliang.renewal.console.dashboard;

import java.util.List;
import java.util.Map;

/**
 * One chart of the dashboard: its data as a table (what the XLSX download holds) and the ECharts
 * option drawn from that same data.
 *
 * @param title the chart's title in the user's language
 * @param columns the table's column headings
 * @param rows the table's rows, one value per column
 * @param option the ECharts option (series data from the rows); {@code null} when the user's role
 *     may not read the data, and then {@code notice} says so
 * @param notice a sentence shown instead of the chart, or {@code null}
 */
public record Chart(
        String title, List<String> columns, List<List<Object>> rows, Map<String, Object> option, String notice) {

    static Chart unavailable(String title, String notice) {
        return new Chart(title, List.of(), List.of(), null, notice);
    }
}
