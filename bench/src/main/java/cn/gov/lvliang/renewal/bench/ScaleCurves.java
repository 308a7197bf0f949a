package cn.gov.lvliang.renewal.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The scale curves of one run, pure Java: per operation and scale, the p50 and p99 latency of a
 * bounded number of requests; rendered as a Markdown table (operation × scale) and as an SVG chart
 * (p99 against the scale, both axes logarithmic), written by hand with no chart library.
 */
final class ScaleCurves {

    /** One operation at one scale. */
    record Point(long scale, int requests, double p50Ms, double p99Ms) {}

    private final Map<String, TreeMap<Long, Point>> curves = new java.util.LinkedHashMap<>();

    void add(String operation, Point point) {
        curves.computeIfAbsent(operation, k -> new TreeMap<>()).put(point.scale(), point);
    }

    Map<String, TreeMap<Long, Point>> curves() {
        return curves;
    }

    /** The nearest-rank percentile ({@code q} in 0–1) of the samples, in the samples' unit. */
    static double percentile(double[] samples, double q) {
        if (samples.length == 0) {
            return Double.NaN;
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** A scale as the option writes it: 1e5 for powers of ten, the number otherwise. */
    static String label(long scale) {
        long p = 1;
        for (int e = 0; e <= 18; e++) {
            if (p == scale && e >= 3) {
                return "1e" + e;
            }
            if (p > Long.MAX_VALUE / 10) {
                break;
            }
            p *= 10;
        }
        return Long.toString(scale);
    }

    /** Parses {@code 1e5,1e6} or {@code 200,100000}, ascending, without repeats. */
    static List<Long> parseScales(String text) {
        TreeMap<Long, Boolean> scales = new TreeMap<>();
        for (String part : text.split(",")) {
            String p = part.strip().toLowerCase(Locale.ROOT);
            long value = p.contains("e") ? (long) Double.parseDouble(p) : Long.parseLong(p.replace("_", ""));
            if (value < 1) {
                throw new IllegalArgumentException("scale must be at least 1: " + part);
            }
            scales.put(value, true);
        }
        return new ArrayList<>(scales.keySet());
    }

    String markdown() {
        List<Long> scales = scales();
        StringBuilder md = new StringBuilder("| operation |");
        scales.forEach(s -> md.append(" p50 / p99 ms at ").append(label(s)).append(" |"));
        md.append("\n|---|");
        scales.forEach(s -> md.append("---|"));
        md.append('\n');
        curves.forEach((op, points) -> {
            md.append("| ").append(op).append(" |");
            for (long s : scales) {
                Point p = points.get(s);
                md.append(' ')
                        .append(p == null ? "—" : Report.format(p.p50Ms()) + " / " + Report.format(p.p99Ms()))
                        .append(" |");
            }
            md.append('\n');
        });
        return md.toString();
    }

    private List<Long> scales() {
        TreeMap<Long, Boolean> all = new TreeMap<>();
        curves.values().forEach(points -> points.keySet().forEach(s -> all.put(s, true)));
        return new ArrayList<>(all.keySet());
    }

    private static final String[] COLOURS = {
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
        "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd", "#e6550d", "#31a354"
    };

    /** p99 against scale, log–log, one line per operation, with a legend. */
    String svg(String title) {
        int width = 900;
        int height = 560;
        int left = 70;
        int right = 300;
        int top = 40;
        int bottom = 60;
        List<Long> scales = scales();
        double minY = Double.MAX_VALUE;
        double maxY = 0;
        for (TreeMap<Long, Point> points : curves.values()) {
            for (Point p : points.values()) {
                if (Double.isFinite(p.p99Ms()) && p.p99Ms() > 0) {
                    minY = Math.min(minY, p.p99Ms());
                    maxY = Math.max(maxY, p.p99Ms());
                }
            }
        }
        if (maxY == 0) {
            minY = 1;
            maxY = 10;
        }
        double y0 = Math.floor(Math.log10(minY));
        double y1 = Math.max(y0 + 1, Math.ceil(Math.log10(maxY)));
        double x0 = scales.isEmpty() ? 0 : Math.log10(scales.get(0));
        double x1 = scales.isEmpty() ? 1 : Math.log10(scales.get(scales.size() - 1));
        if (x1 - x0 < 1e-9) {
            x0 -= 0.5;
            x1 += 0.5;
        }
        int plotW = width - left - right;
        int plotH = height - top - bottom;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\""
                        + " font-size=\"12\">\n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n",
                width,
                height));
        svg.append(String.format(
                Locale.ROOT, "<text x=\"%d\" y=\"24\" font-size=\"15\">%s</text>\n", left, escape(title)));
        for (double e = y0; e <= y1 + 1e-9; e++) {
            double y = top + plotH - (e - y0) / (y1 - y0) * plotH;
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                            + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s ms</text>\n",
                    left,
                    y,
                    left + plotW,
                    y,
                    left - 6,
                    y + 4,
                    Report.format(Math.pow(10, e))));
        }
        for (long s : scales) {
            double x = left + (Math.log10(s) - x0) / (x1 - x0) * plotW;
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>"
                            + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
                    x,
                    top,
                    x,
                    top + plotH,
                    x,
                    top + plotH + 18,
                    label(s)));
        }
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">claims loaded (scale), log</text>\n"
                        + "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#333\"/>\n",
                left + plotW / 2,
                height - 20,
                left,
                top,
                plotW,
                plotH));
        int i = 0;
        for (Map.Entry<String, TreeMap<Long, Point>> curve : curves.entrySet()) {
            String colour = COLOURS[i % COLOURS.length];
            StringBuilder line = new StringBuilder();
            for (Point p : curve.getValue().values()) {
                if (!Double.isFinite(p.p99Ms()) || p.p99Ms() <= 0) {
                    continue;
                }
                double x = left + (Math.log10(p.scale()) - x0) / (x1 - x0) * plotW;
                double y = top + plotH - (Math.log10(p.p99Ms()) - y0) / (y1 - y0) * plotH;
                line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                svg.append(String.format(
                        Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>\n", x, y, colour));
            }
            svg.append(String.format(
                    Locale.ROOT,
                    "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"/>\n",
                    line.toString().strip(),
                    colour));
            int ly = top + 14 + 16 * i;
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/>"
                            + "<text x=\"%d\" y=\"%d\">%s</text>\n",
                    left + plotW + 12,
                    ly - 4,
                    left + plotW + 30,
                    ly - 4,
                    colour,
                    left + plotW + 36,
                    ly,
                    escape(curve.getKey())));
            i++;
        }
        return svg.append("</svg>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
