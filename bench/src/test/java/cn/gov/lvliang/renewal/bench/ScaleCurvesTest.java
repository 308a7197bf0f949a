package cn.gov.lvliang.renewal.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScaleCurvesTest {

    @Test
    void percentilesAreNearestRank() {
        double[] samples = new double[200];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = 200 - i;
        }
        assertThat(ScaleCurves.percentile(samples, 0.5)).isEqualTo(100);
        assertThat(ScaleCurves.percentile(samples, 0.99)).isEqualTo(198);
        assertThat(ScaleCurves.percentile(new double[] {7, 3, 5}, 0.99)).isEqualTo(7);
        assertThat(ScaleCurves.percentile(new double[0], 0.5)).isNaN();
    }

    @Test
    void scalesParseAndPrintAsTheOptionWritesThem() {
        assertThat(ScaleCurves.parseScales("1e6, 1e5,1e5")).containsExactly(100_000L, 1_000_000L);
        assertThat(ScaleCurves.parseScales("200")).containsExactly(200L);
        assertThat(ScaleCurves.label(10_000_000)).isEqualTo("1e7");
        assertThat(ScaleCurves.label(200)).isEqualTo("200");
        assertThatThrownBy(() -> ScaleCurves.parseScales("0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTableAndTheChartCarryEveryOperationAndScale() {
        ScaleCurves curves = new ScaleCurves();
        for (long scale : List.of(100_000L, 1_000_000L)) {
            curves.add("read_claim", new ScaleCurves.Point(scale, 200, 2, scale / 50_000.0));
            curves.add("export_csv", new ScaleCurves.Point(scale, 3, 900, 1_000));
        }
        String md = curves.markdown();
        assertThat(md)
                .contains("| read_claim | 2 / 2 | 2 / 20 |")
                .contains("at 1e5")
                .contains("at 1e6");
        String svg = curves.svg("p99");
        assertThat(svg)
                .startsWith("<svg")
                .contains("read_claim")
                .contains("export_csv")
                .contains("<polyline");
        assertThat(svg.split("<circle", -1)).hasSize(5);
    }
}
