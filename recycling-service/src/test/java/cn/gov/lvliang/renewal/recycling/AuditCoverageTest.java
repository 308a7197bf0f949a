package cn.gov.lvliang.renewal.recycling;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.renewal.platform.audit.AuditEntries;
import cn.gov.lvliang.renewal.platform.audit.Audited;
import cn.gov.lvliang.renewal.testing.audit.AuditCoverage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every resource class with a write or an {@code @AuditedRead} carries {@link Audited}, so that
 * its audit record is written in the write's own transaction (docs/security.md "Audit trail").
 */
class AuditCoverageTest {

    @Test
    void everyAuditedEndpointRecordsInItsOwnTransaction() {
        List<Class<?>> resources = AuditCoverage.resourceClasses("cn.gov.lvliang.renewal.recycling");

        assertThat(resources).as("resource classes found").hasSizeGreaterThan(3);
        assertThat(AuditCoverage.uncovered(resources, Audited.class, AuditEntries::audited))
                .as("audited methods of classes without @Audited")
                .isEmpty();
    }
}
