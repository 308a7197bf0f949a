package cn.gov.lvliang.renewal.equipment.imports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.equipment.lists.Column;
import cn.gov.lvliang.renewal.equipment.lists.ListKind;
import cn.gov.lvliang.renewal.equipment.register.Category;
import cn.gov.lvliang.renewal.equipment.register.LifecycleStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EquipmentStagingTest {

    static final Instant NOW = Instant.parse("2026-12-04T08:00:00Z");
    static final UUID IMPORT = UUID.fromString("6c1c0000-0000-4000-8000-000000000001");
    static final RowAdmission.UnitInfo UNIT = new RowAdmission.UnitInfo(7, "141102", "coking", null);

    static EquipmentStaging staging(ListKind kind) {
        return new EquipmentStaging(
                kind, kind.columns().stream().filter(Column::importable).toList());
    }

    @Test
    void a_staged_row_has_one_value_per_column_after_its_row_number() {
        for (ListKind kind : ListKind.values()) {
            EquipmentStaging staging = staging(kind);
            RowParser.Parsed row =
                    new RowParser.Parsed(Map.of("unitCreditCode", "91141100MA0K0000XB", "assetTag", "A-1"), List.of());
            List<Object> values = staging.values(2, row, UNIT, LifecycleStatus.IN_SERVICE, NOW, IMPORT);
            assertThat(values).as(kind.slug()).hasSize(staging.columns().size() + 1);
            assertThat(values.subList(0, 9))
                    .containsExactly(
                            2,
                            7L,
                            "91141100MA0K0000XB",
                            "141102",
                            "coking",
                            LifecycleStatus.IN_SERVICE,
                            NOW,
                            NOW,
                            IMPORT);
            assertThat(staging.columns()).as(kind.slug()).doesNotHaveDuplicates();
        }
    }

    @Test
    void implied_values_fill_the_columns_a_list_lacks() {
        EquipmentStaging elevators = staging(ListKind.PROBLEM_ELEVATORS);
        RowParser.Parsed row = new RowParser.Parsed(
                Map.of("unitCreditCode", "91141100MA0K0000XB", "assetTag", "E-1", "category", Category.ELEVATOR),
                List.of());
        List<Object> values = elevators.values(3, row, UNIT, LifecycleStatus.IN_SERVICE, NOW, IMPORT);
        int category = elevators.columns().indexOf("category") + 1;
        assertThat(category).isPositive();
        assertThat(values.get(category)).isEqualTo(Category.ELEVATOR);
        int quantity = elevators.columns().indexOf("quantity") + 1;
        assertThat(values.get(quantity)).isEqualTo(BigDecimal.ONE);

        EquipmentStaging newBuild = staging(ListKind.NEW_BUILD);
        assertThat(newBuild.columns()).endsWith("new_build");
        assertThat(newBuild.values(3, row, UNIT, LifecycleStatus.IN_SERVICE, NOW, IMPORT))
                .last()
                .isEqualTo(Boolean.TRUE);
        assertThat(staging(ListKind.STATUS).columns()).doesNotContain("new_build");
    }

    @Test
    void the_upsert_goes_by_natural_key_in_row_order_and_never_rewrites_the_asset_tag() {
        String sql = staging(ListKind.STATUS).upsertSql();
        assertThat(sql)
                .contains("from import_stage order by row_number")
                .contains("on conflict (unit_credit_code, asset_tag) do update set")
                .contains("version = equipment.version + 1")
                .doesNotContain("asset_tag = excluded.asset_tag")
                .endsWith("version, asset_tag");
        assertThat(staging(ListKind.STATUS).stageTarget()).startsWith("import_stage (row_number, unit_id,");
    }
}
