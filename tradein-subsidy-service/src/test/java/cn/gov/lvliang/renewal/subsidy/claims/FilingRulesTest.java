package cn.gov.lvliang.renewal.subsidy.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.lvliang.renewal.platform.problem.ProblemException;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.ApplianceItem;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.Applicant;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.CreateClaim;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.FarmMachineryItem;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.NewTruck;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.TruckItem;
import cn.gov.lvliang.renewal.subsidy.programmes.Programme;
import cn.gov.lvliang.renewal.subsidy.programmes.ProgrammeCategory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** What a filing must satisfy before anything is computed or stored (提交申请的受理条件). */
class FilingRulesTest {

    private static final String SELLER = "91141100MA0K0000XA";
    private static final String COUNTY = "141102";
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final Applicant PERSON =
            new Applicant("张三", "141124198001011233", null, "6222020200112233445", null);
    private static final ApplianceItem FRIDGE =
            new ApplianceItem("REFRIGERATOR", "BCD-500", "SN-1", "INV-1", 300_000L, 1, "吕梁市离石区滨河北路1号");

    @Test
    void aSellerFilesForItsOwnEnterpriseAndAClerkInItsCounty() {
        assertThat(FilingRules.filerRole(
                        appliance(COUNTY, TODAY, PERSON), caller(Roles.RETAILER, "enterprise", SELLER)))
                .isEqualTo(Roles.RETAILER);
        assertThat(FilingRules.filerRole(
                        appliance(COUNTY, TODAY, PERSON), caller(Roles.COUNTY_OFFICER, "county", COUNTY)))
                .isEqualTo(Roles.COUNTY_OFFICER);

        assertProblem(
                () -> FilingRules.filerRole(
                        appliance(COUNTY, TODAY, PERSON), caller(Roles.DEALER, "enterprise", "91141100MA0K0001XA")),
                403,
                "not-your-enterprise",
                null);
        assertProblem(
                () -> FilingRules.filerRole(
                        appliance(COUNTY, TODAY, PERSON), caller(Roles.COUNTY_OFFICER, "county", "141124")),
                403,
                "not-your-county",
                null);
        assertProblem(
                () -> FilingRules.filerRole(appliance(COUNTY, TODAY, PERSON), caller(Roles.REVIEWER, "county", COUNTY)),
                403,
                "forbidden",
                null);
    }

    @Test
    void aFilingFitsItsProgramme() {
        FilingRules.requireFits(appliance(COUNTY, TODAY, PERSON), programme(ProgrammeCategory.HOME_APPLIANCE), TODAY);

        assertProblem(
                () -> FilingRules.requireFits(
                        appliance("142302", TODAY, PERSON), programme(ProgrammeCategory.HOME_APPLIANCE), TODAY),
                422,
                "outside-jurisdiction",
                "county");
        assertProblem(
                () -> FilingRules.requireFits(
                        appliance(COUNTY, TODAY.plusDays(1), PERSON),
                        programme(ProgrammeCategory.HOME_APPLIANCE),
                        TODAY),
                400,
                null,
                "purchaseDate");
        assertProblem(
                () -> FilingRules.requireFits(
                        appliance(COUNTY, TODAY, PERSON), programme(ProgrammeCategory.CAR_REPLACEMENT), TODAY),
                400,
                null,
                "car");
    }

    @Test
    void aTruckClaimGivesItsTruckAndANewTrucksDetailsOnlyWhenOneWasBought() {
        TruckItem scrappedOnly =
                new TruckItem("LFWADRJF8E1000001", null, null, "141100000001", "BF-1", NewTruck.NONE, null, null, null);
        FilingRules.requireFits(truck(scrappedOnly), programme(ProgrammeCategory.OLD_DIESEL_TRUCK), TODAY);

        TruckItem boughtWithoutVin = new TruckItem(
                "LFWADRJF8E1000001", null, null, "141100000001", "BF-1", NewTruck.NEV, null, "INV-9", 50_000_000L);
        assertProblem(
                () -> FilingRules.requireFits(
                        truck(boughtWithoutVin), programme(ProgrammeCategory.OLD_DIESEL_TRUCK), TODAY),
                400,
                null,
                "truck.newVin");
        assertProblem(
                () -> FilingRules.requireFits(truck(scrappedOnly), programme(ProgrammeCategory.HOME_APPLIANCE), TODAY),
                400,
                null,
                "truck");
    }

    @Test
    void anOrganisationAppliesForFarmMachineryOnly() {
        Applicant cooperative = new Applicant("吕梁市某农机专业合作社", null, null, "6222020200112233445", "93141100MA0K00001A");
        FarmMachineryItem tractor = new FarmMachineryItem("NJ-000001", "TRACTOR", new BigDecimal("58.80"));
        FilingRules.requireFits(
                new CreateClaim(null, COUNTY, SELLER, cooperative, TODAY, null, null, null, tractor, null),
                programme(ProgrammeCategory.FARM_MACHINERY_SCRAPPAGE),
                TODAY);

        assertProblem(
                () -> FilingRules.requireFits(
                        appliance(COUNTY, TODAY, cooperative), programme(ProgrammeCategory.HOME_APPLIANCE), TODAY),
                400,
                null,
                "applicant.creditCode");
        Applicant nobody = new Applicant("张三", null, null, "6222020200112233445", null);
        assertProblem(
                () -> FilingRules.requireFits(
                        appliance(COUNTY, TODAY, nobody), programme(ProgrammeCategory.HOME_APPLIANCE), TODAY),
                400,
                null,
                "applicant.idNumber");
    }

    private static CreateClaim appliance(String county, LocalDate purchaseDate, Applicant applicant) {
        return new CreateClaim(null, county, SELLER, applicant, purchaseDate, FRIDGE, null);
    }

    private static CreateClaim truck(TruckItem truck) {
        return new CreateClaim(null, COUNTY, SELLER, PERSON, TODAY, null, null, truck, null, null);
    }

    private static Programme programme(ProgrammeCategory category) {
        Programme programme = new Programme();
        programme.id = "TEST-" + category;
        programme.category = category;
        programme.jurisdiction = "141100";
        return programme;
    }

    private static void assertProblem(ThrowingCallable call, int status, String code, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class, problem -> {
            assertThat(problem.status()).isEqualTo(status);
            if (code != null) {
                assertThat(problem.code()).isEqualTo(code);
            }
            if (field != null) {
                assertThat(problem.violations())
                        .extracting(ProblemException.FieldViolation::field)
                        .containsExactly(field);
            }
        });
    }

    private static Caller caller(String role, String claim, String value) {
        Map<String, Object> all = new HashMap<>(Map.of(claim, value, "groups", Set.of(role)));
        return new Caller(new JsonWebToken() {
            @Override
            public String getName() {
                return "test-" + role;
            }

            @Override
            public Set<String> getClaimNames() {
                return all.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String name) {
                return (T) all.get(name);
            }
        });
    }
}
