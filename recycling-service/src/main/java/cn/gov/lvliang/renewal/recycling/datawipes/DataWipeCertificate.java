package cn.gov.lvliang.renewal.recycling.datawipes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * 数据清除证明 (task 46): a second-hand electronic device's data was wiped and the wipe verified
 * before resale. The operator's name is stored encrypted.
 */
@Entity
@Table(name = "data_wipe_certificate")
public class DataWipeCertificate extends PanacheEntityBase {

    /** 设备类型. */
    public enum DeviceType {
        PHONE,
        TABLET,
        COMPUTER,
        STORAGE,
        OTHER
    }

    /** 清除方式. */
    public enum Method {
        /** 多次覆写. */
        OVERWRITE,
        /** 加密擦除 (销毁密钥). */
        CRYPTOGRAPHIC_ERASE,
        /** 恢复出厂并校验. */
        VERIFIED_FACTORY_RESET,
        /** 消磁. */
        DEGAUSSING,
        /** 物理销毁存储介质. */
        PHYSICAL_DESTRUCTION
    }

    /** 校验结果. */
    public enum Verification {
        PASSED,
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "certificate_id", nullable = false, updatable = false)
    public String certificateId;

    @Column(name = "enterprise_credit_code", nullable = false, updatable = false)
    public String enterpriseCreditCode;

    @Column(nullable = false, updatable = false)
    public String county;

    @Enumerated(EnumType.STRING)
    @Column(name = "device_type", nullable = false, updatable = false)
    public DeviceType deviceType;

    @Column(name = "device_id", nullable = false, updatable = false)
    public String deviceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Method method;

    @Column(name = "operator_name_encrypted", nullable = false, updatable = false)
    public String operatorNameEncrypted;

    @Column(name = "wiped_at", nullable = false, updatable = false)
    public Instant wipedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "verification_result", nullable = false, updatable = false)
    public Verification verificationResult;

    @Column(name = "verification_note", updatable = false)
    public String verificationNote;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    public String recordedBy;
}
