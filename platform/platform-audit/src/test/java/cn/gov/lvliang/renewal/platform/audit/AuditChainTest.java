package cn.gov.lvliang.renewal.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static List<AuditRecord> chain(int length) {
        List<AuditRecord> records = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (int seq = 1; seq <= length; seq++) {
            AuditRecord draft = new AuditRecord(
                    seq,
                    Instant.parse("2026-03-01T08:00:00.123456Z").plusSeconds(seq),
                    "officer-" + seq,
                    "county-officer",
                    seq % 2 == 0 ? null : "renewal-portal",
                    "POST /api/subsidies/claims",
                    "/api/subsidies/claims",
                    201,
                    "req-" + seq,
                    previous,
                    null);
            String hash = AuditChain.expectedHash(previous, draft);
            records.add(copy(draft, draft.actor(), hash));
            previous = hash;
        }
        return records;
    }

    private static AuditRecord copy(AuditRecord r, String actor, String hash) {
        return new AuditRecord(
                r.seq(),
                r.recordedAt(),
                actor,
                r.roles(),
                r.client(),
                r.operation(),
                r.resource(),
                r.status(),
                r.requestId(),
                r.previousHash(),
                hash);
    }

    private static Long firstBroken(List<AuditRecord> records) {
        String previous = AuditChain.GENESIS;
        for (AuditRecord record : records) {
            if (AuditChain.check(previous, record).isPresent()) {
                return record.seq();
            }
            previous = record.hash();
        }
        return null;
    }

    @Test
    void anUntouchedChainHolds() {
        assertThat(firstBroken(chain(5))).isNull();
    }

    @Test
    void anAlteredRowIsReportedAsTheFirstBrokenOne() {
        List<AuditRecord> records = chain(5);
        records.set(2, copy(records.get(2), "somebody-else", records.get(2).hash()));

        assertThat(firstBroken(records)).isEqualTo(3L);
        assertThat(AuditChain.check(records.get(1).hash(), records.get(2)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("altered"));
    }

    @Test
    void aRehashedAlteredRowBreaksTheNextLink() {
        List<AuditRecord> records = chain(5);
        AuditRecord altered = copy(records.get(2), "somebody-else", null);
        records.set(2, copy(altered, altered.actor(), AuditChain.expectedHash(altered.previousHash(), altered)));

        assertThat(firstBroken(records)).isEqualTo(4L);
    }

    @Test
    void aDeletedRowBreaksTheNextLink() {
        List<AuditRecord> records = chain(5);
        records.remove(1);

        assertThat(firstBroken(records)).isEqualTo(3L);
    }

    @Test
    void fieldsCannotBeShiftedIntoOneAnother() {
        Instant at = Instant.parse("2026-03-01T08:00:00Z");
        String a = AuditChain.hash(AuditChain.GENESIS, 1, at, "a\nb", "r", null, "op", "/x", 200, "q");
        String b = AuditChain.hash(AuditChain.GENESIS, 1, at, "a", "b\nr", null, "op", "/x", 200, "q");
        String c = AuditChain.hash(AuditChain.GENESIS, 1, at, "a", "b\nr", "", "op", "/x", 200, "q");

        assertThat(a).isNotEqualTo(b);
        assertThat(b).isNotEqualTo(c);
        assertThat(a).hasSize(64).matches("[0-9a-f]{64}");
    }
}
