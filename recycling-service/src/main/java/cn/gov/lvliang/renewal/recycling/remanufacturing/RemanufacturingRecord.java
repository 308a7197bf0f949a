package cn.gov.lvliang.renewal.recycling.remanufacturing;

import cn.gov.lvliang.renewal.recycling.MaterialWeights;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** 再制造记录 (task 49): what was remanufactured from which source, and its quality certification. */
@Entity
@Table(name = "remanufacturing_record")
public class RemanufacturingRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "record_id", nullable = false, updatable = false)
    public String recordId;

    @Column(name = "enterprise_credit_code", nullable = false, updatable = false)
    public String enterpriseCreditCode;

    @Column(nullable = false, updatable = false)
    public String county;

    @Column(name = "source_equipment", nullable = false, updatable = false)
    public String sourceEquipment;

    @Column(name = "source_equipment_id", updatable = false)
    public String sourceEquipmentId;

    @Column(nullable = false, updatable = false)
    public String product;

    @Column(name = "product_serial", nullable = false, updatable = false)
    public String productSerial;

    @Column(name = "certification_number", nullable = false, updatable = false)
    public String certificationNumber;

    @Column(name = "certification_body", nullable = false, updatable = false)
    public String certificationBody;

    @Column(name = "certified_on", nullable = false, updatable = false)
    public LocalDate certifiedOn;

    @Embedded
    public MaterialWeights materials;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    public String recordedBy;
}
