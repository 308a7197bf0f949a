package cn.gov.lvliang.renewal.recycling.certificates;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A farm-machinery scrap certificate (农机报废回收证明), issued by a qualified farm-machinery
 * dismantler (农机回收拆解企业) when it takes over a farm machine for scrapping. This row is the
 * current version; every version is kept unchanged in {@link FarmMachineryCertificateRevision}.
 */
@Entity
@Table(name = "farm_machinery_certificate")
public class FarmMachineryCertificate extends IssuedCertificate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Embedded
    public FarmMachineryDetails details = new FarmMachineryDetails();
}
