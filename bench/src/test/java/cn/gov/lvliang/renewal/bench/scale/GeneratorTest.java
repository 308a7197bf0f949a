package cn.gov.lvliang.renewal.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.platform.identifiers.ResidentIdNumber;
import cn.gov.lvliang.renewal.platform.identifiers.Vin;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generator's pure parts: determinism, distributions, consistency of the derived rows. */
class GeneratorTest {

    private static final long SEED = 42;
    private static final int N = 20_000;

    @Test
    void theSameSeedAndIndexGiveTheSameRowsAndAnotherSeedOthers() {
        for (long i : new long[] {0, 1, 49, 123_456, 9_999_999}) {
            assertThat(Claims.claim(SEED, i)).isEqualTo(Claims.claim(SEED, i));
            assertThat(Claims.claim(SEED + 1, i).id())
                    .isNotEqualTo(Claims.claim(SEED, i).id());
        }
        assertThat(Certificates.certificate(SEED, 77)).isEqualTo(Certificates.certificate(SEED, 77));
        assertThat(Units.equipment(SEED, 5)).isEqualTo(Units.equipment(SEED, 5));
        assertThat(StatisticsEvents.event(SEED, 9)).isEqualTo(StatisticsEvents.event(SEED, 9));
    }

    @Test
    void claimsSpreadOverTheCountiesProgrammesStatesAndTwoYears() {
        Map<String, Integer> programmes = new HashMap<>();
        Map<String, Integer> statuses = new HashMap<>();
        Set<String> counties = new HashSet<>();
        Set<Integer> years = new HashSet<>();
        for (long i = 0; i < N; i++) {
            Claims.Claim c = Claims.claim(SEED, i);
            programmes.merge(c.programme().id(), 1, Integer::sum);
            statuses.merge(c.status(), 1, Integer::sum);
            counties.add(c.county());
            years.add(c.purchaseDate().getYear());
            assertThat(c.purchaseDate())
                    .isAfterOrEqualTo(c.programme().start())
                    .isBeforeOrEqualTo(Claims.LAST_PURCHASE);
        }
        assertThat(counties).containsExactlyInAnyOrderElementsOf(People.COUNTIES);
        assertThat(years).containsExactlyInAnyOrder(2024, 2025);
        assertThat(programmes.get("HOME-APPLIANCE")).isEqualTo(N * 70 / 100);
        assertThat(programmes.get("DIGITAL-PRODUCT")).isEqualTo(N * 20 / 100);
        assertThat(programmes.get("CAR-SCRAPPAGE")).isEqualTo(N * 6 / 100);
        assertThat(programmes.get("CAR-REPLACEMENT")).isEqualTo(N * 4 / 100);
        assertThat(statuses.get("PAID") / (double) N).isBetween(0.53, 0.59);
        assertThat(statuses.get("REJECTED") / (double) N).isBetween(0.10, 0.13);
        assertThat(statuses).containsKeys("APPROVED", "PENDING_REVIEW", "QUEUED", "RETURNED", "WITHDRAWN");
    }

    @Test
    void budgetEntriesSplitTheAmountExactlyAndOnlyFundedClaimsHoldMoney() {
        for (long i = 0; i < N; i++) {
            Claims.Claim c = Claims.claim(SEED, i);
            long reserved = c.entries().stream()
                    .filter(e -> e.type().equals("RESERVE"))
                    .mapToLong(Claims.Entry::amountFen)
                    .sum();
            long posted = c.entries().stream()
                    .filter(e -> e.type().equals("POST"))
                    .mapToLong(Claims.Entry::amountFen)
                    .sum();
            switch (c.status()) {
                case "PAID" -> {
                    assertThat(reserved).isEqualTo(c.amountFen());
                    assertThat(posted).isEqualTo(c.amountFen());
                }
                case "APPROVED" -> {
                    assertThat(reserved).isEqualTo(c.amountFen());
                    assertThat(posted).isZero();
                }
                default -> assertThat(c.entries()).isEmpty();
            }
            assertThat(c.entries()).allMatch(e -> e.amountFen() > 0);
        }
        for (long amount : new long[] {1, 3, 99, 200_000, 1_500_000, 123_457}) {
            long[] parts = Claims.split(amount);
            assertThat(parts[0] + parts[1] + parts[2] + parts[3]).isEqualTo(amount);
            assertThat(parts[0]).isGreaterThanOrEqualTo(amount * 9 / 10);
        }
        assertThat(ScaleLoader.allocation(1_000)).isEqualTo(1_250);
    }

    @Test
    void amountsFollowTheSeededRules() {
        for (long i = 0; i < N; i++) {
            Claims.Claim c = Claims.claim(SEED, i);
            switch (c.programme().id()) {
                case "HOME-APPLIANCE" -> assertThat(c.amountFen()).isBetween(1L, 200_000L);
                case "DIGITAL-PRODUCT" -> {
                    assertThat(c.priceFen()).isLessThanOrEqualTo(600_000);
                    assertThat(c.amountFen()).isBetween(1L, 50_000L);
                }
                default -> assertThat(c.amountFen()).isIn(1_300_000L, 1_500_000L, 2_000_000L);
            }
            assertThat(c.computation()).startsWith("rule v" + c.ruleVersion() + ": ");
        }
    }

    @Test
    void identifiersAreValidAndUniqueAndLiveClaimsHoldTheirUsesAlone() {
        Set<String> uses = new HashSet<>();
        Set<String> ids = new HashSet<>();
        Map<String, Map<String, Integer>> perPersonCategory = new HashMap<>();
        for (long i = 0; i < N; i++) {
            Claims.Claim c = Claims.claim(SEED, i);
            assertThat(ResidentIdNumber.isValid(c.idNumber())).as(c.idNumber()).isTrue();
            ids.add(c.id().toString());
            for (String[] use : c.uniqueUses()) {
                assertThat(uses.add(use[0] + "/" + use[1]))
                        .as("%s %s used once", use[0], use[1])
                        .isTrue();
            }
            if (c.car()) {
                assertThat(Vin.isValid(c.newVin())).isTrue();
            }
            if (c.programme() == Claims.SCRAPPAGE) {
                continue; // the scrappage rules set no per-person limit: one may scrap two cars
            }
            String key = c.programme().id() + "/" + c.purchaseDate().getYear() + "/"
                    + (c.productCategory() == null ? c.programme().category() : c.productCategory());
            perPersonCategory
                    .computeIfAbsent(c.idNumber(), k -> new HashMap<>())
                    .merge(key, 1, Integer::sum);
        }
        assertThat(ids).hasSize(N);
        assertThat(perPersonCategory.values())
                .as("no person files two claims of one programme and category in a year (per-person limits)")
                .allMatch(m -> m.values().stream().allMatch(count -> count == 1));
    }

    @Test
    void peopleDoNotMeetTheClaimScenariosApplicants() {
        Set<String> seen = new HashSet<>();
        for (long p = 0; p < 50_000; p++) {
            String id = People.residentId(p);
            assertThat(seen.add(id)).isTrue();
            int day = Integer.parseInt(id.substring(12, 14));
            assertThat(day).as("Bodies.residentId uses days 1–28").isIn(29, 30);
        }
        assertThat(ResidentIdNumber.isValid(People.residentId(People.CAPACITY - 1)))
                .isTrue();
    }

    @Test
    void aScrappageClaimNamesACertificateOfItsApplicantForItsOldCar() {
        for (long i = 0; i < N; i++) {
            Claims.Claim c = Claims.claim(SEED, i);
            if (c.certificate() == null) {
                continue;
            }
            assertThat(Claims.claimOfCertificate(c.certificate())).isEqualTo(i);
            Certificates.Certificate cert = Certificates.certificate(SEED, c.certificate());
            assertThat(cert.owner()).isEqualTo(c.person());
            assertThat(cert.vin()).isEqualTo(c.oldVin());
            assertThat(Vin.isValid(cert.vin())).isTrue();
            LocalDate cutoff = switch (cert.powerType()) {
                case "FUEL" -> LocalDate.of(2011, 6, 30);
                case "DIESEL" -> LocalDate.of(2013, 6, 30);
                default -> LocalDate.of(2018, 4, 30);
            };
            assertThat(cert.firstRegistration()).isBeforeOrEqualTo(cutoff);
        }
        assertThat(ScaleLoader.certificates(1_000_000)).isGreaterThan(Claims.certificateOfClaim(1_000_000 - 48));
    }

    @Test
    void equipmentBelongsToUnitsLoadedInTheSameOrAnEarlierRound() {
        assertThat(Units.unitsFor(200)).isEqualTo(13);
        assertThat(Units.unitsFor(100_000)).isEqualTo(1_000);
        for (long e : new long[] {0, 99, 100, 99_999, 100_000}) {
            assertThat(Units.equipment(SEED, e).unit()).isLessThan(Units.unitsFor(e + 1));
        }
        Units.Equipment retired = null;
        for (long e = 0; retired == null; e++) {
            Units.Equipment q = Units.equipment(SEED, e);
            retired = q.status().equals("RETIRED") ? q : null;
        }
        assertThat(retired.retiredOn()).isNotNull();
        assertThat(retired.disposal()).isEqualTo("SCRAPPED");
    }

    @Test
    void statisticsEventsAreEnvelopesOfTheTypesTheRebuildApplies() {
        Map<String, Integer> types = new HashMap<>();
        for (long j = 0; j < 1_000; j++) {
            StatisticsEvents.Event e = StatisticsEvents.event(SEED, j);
            types.merge(e.type(), 1, Integer::sum);
            assertThat(e.envelope()).contains("\"type\":\"" + e.type() + "\"").contains("\"county\":\"1411");
        }
        assertThat(types.get("cn.gov.lvliang.statistics.claim.paid.v1")).isEqualTo(600);
        assertThat(types).hasSize(5);
    }
}
