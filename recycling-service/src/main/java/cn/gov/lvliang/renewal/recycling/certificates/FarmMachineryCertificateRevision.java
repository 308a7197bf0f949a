package cn.gov.lvliang.renewal.recycling.certificates;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One version of a farm-machinery certificate's content, written once and never changed (a
 * database trigger refuses updates and deletes): version 1 as issued, then one per correction.
 */
@Entity
@Table(name = "farm_machinery_certificate_revision")
public class FarmMachineryCertificateRevision extends CertificateRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Embedded
    public FarmMachineryDetails details;

    /** A copy of the certificate's current content as version {@code c.revision}. */
    static FarmMachineryCertificateRevision snapshot(FarmMachineryCertificate c, String reason, Instant at, String by) {
        FarmMachineryCertificateRevision r = new FarmMachineryCertificateRevision();
        r.record(c.id, c, reason, at, by);
        r.details = c.details.copy();
        return r;
    }
}
