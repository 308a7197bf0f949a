package cn.gov.lvliang.renewal.equipment.imports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.equipment.lists.ListKind;
import cn.gov.lvliang.renewal.equipment.register.Category;
import cn.gov.lvliang.renewal.equipment.register.LifecycleStatus;
import cn.gov.lvliang.renewal.equipment.scope.Scope;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RowAdmissionTest {

    static final String CREDIT = "91141100MA0K0000XB";
    static final RowAdmission.UnitInfo UNIT = new RowAdmission.UnitInfo(7, "141102", "coking", null);
    static final Scope CITY = new Scope(Scope.Kind.CITY, null, Set.of(), Set.of(), true);

    static RowParser.Parsed row(String tag) {
        return new RowParser.Parsed(
                Map.of("unitCreditCode", CREDIT, "assetTag", tag, "category", Category.INDUSTRIAL_PRODUCTION),
                List.of());
    }

    @Test
    void a_new_record_enters_service_and_a_retirement_list_schedules_it() {
        RowAdmission.Admission status = new RowAdmission(ListKind.STATUS, CITY).admit(2, row("A-1"), UNIT, null);
        assertThat(status.admitted()).isTrue();
        assertThat(status.from()).isNull();
        assertThat(status.to()).isEqualTo(LifecycleStatus.IN_SERVICE);

        RowAdmission.Admission retirement =
                new RowAdmission(ListKind.RETIREMENT, CITY).admit(2, row("A-1"), UNIT, LifecycleStatus.IN_SERVICE);
        assertThat(retirement.from()).isEqualTo(LifecycleStatus.IN_SERVICE);
        assertThat(retirement.to()).isEqualTo(LifecycleStatus.RETIREMENT_SCHEDULED);
    }

    @Test
    void the_second_row_of_a_record_names_the_first() {
        RowAdmission admission = new RowAdmission(ListKind.STATUS, CITY);
        assertThat(admission.admit(2, row("A-1"), UNIT, null).admitted()).isTrue();
        RowAdmission.Admission again = admission.admit(5, row("A-1"), UNIT, null);
        assertThat(again.admitted()).isFalse();
        assertThat(again.errors().get(0).messageKey()).isEqualTo("import.duplicate-row");
        assertThat(again.errors().get(0).args()).containsExactly(2);
    }

    @Test
    void refused_unit_scope_retired_and_impossible_moves_are_row_errors() {
        RowAdmission city = new RowAdmission(ListKind.RENEWAL_DEMAND, CITY);
        assertThat(city.admit(2, row("A"), RowAdmission.UnitInfo.refused("import.out-of-scope"), null)
                        .errors()
                        .get(0)
                        .messageKey())
                .isEqualTo("import.out-of-scope");
        assertThat(city.admit(3, row("B"), UNIT, LifecycleStatus.RETIRED)
                        .errors()
                        .get(0)
                        .messageKey())
                .isEqualTo("import.retired");
        assertThat(city.admit(4, row("C"), UNIT, LifecycleStatus.RETIREMENT_SCHEDULED)
                        .errors()
                        .get(0)
                        .messageKey())
                .isEqualTo("import.transition");

        Scope otherCounty = new Scope(Scope.Kind.COUNTY, "141181", Set.of(), Set.of(), true);
        assertThat(new RowAdmission(ListKind.STATUS, otherCounty)
                        .admit(2, row("D"), UNIT, null)
                        .errors()
                        .get(0)
                        .messageKey())
                .isEqualTo("import.out-of-scope");
    }

    @Test
    void a_unit_is_written_only_when_both_its_stored_and_its_new_place_are_in_scope() {
        RowAdmission county =
                new RowAdmission(ListKind.STATUS, new Scope(Scope.Kind.COUNTY, "141102", Set.of(), Set.of(), true));
        assertThat(county.mayWriteUnit(CREDIT, null, "141102", "coking", null)).isTrue();
        assertThat(county.mayWriteUnit(CREDIT, new String[] {"141102", "coking"}, "141102", "coking", null))
                .isTrue();
        assertThat(county.mayWriteUnit(CREDIT, new String[] {"141181", "coking"}, "141102", "coking", null))
                .isFalse();
        assertThat(county.mayWriteUnit(CREDIT, null, "141181", "coking", null)).isFalse();

        RowAdmission department = new RowAdmission(
                ListKind.STATUS, new Scope(Scope.Kind.DEPARTMENT, "health", Set.of(), Set.of("MEDICAL"), true));
        assertThat(department.mayWriteUnit(CREDIT, null, "141102", "coking", "MEDICAL"))
                .isTrue();
        assertThat(department.mayWriteUnit(CREDIT, null, "141102", "coking", null))
                .isFalse();
    }
}
