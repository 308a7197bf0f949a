package cn.gov.lvliang.renewal.equipment.units;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A project unit (项目单位): an enterprise, hospital, school, public institution or operator that
 * holds equipment, or a natural person (农户/个人, {@link UnitType#PERSON}), whose {@code creditCode} is
 * a {@link PersonUnitCode} and whose name and ID number are personal data. The contact's name and phone number are personal data: stored encrypted, the
 * phone also as a keyed hash.
 */
@Entity
@Table(name = "project_unit")
public class ProjectUnit extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "credit_code", nullable = false, updatable = false)
    public String creditCode;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String county;

    @Column(name = "sector_code")
    public String sectorCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "unit_type", nullable = false)
    public UnitType type;

    @Column(name = "contact_name_encrypted")
    public String contactNameEncrypted;

    @Column(name = "contact_phone_encrypted")
    public String contactPhoneEncrypted;

    @Column(name = "contact_phone_hash")
    public String contactPhoneHash;

    /** PERSON only: the name, encrypted (the {@code name} column holds it masked). */
    @Column(name = "person_name_encrypted")
    public String personNameEncrypted;

    /** PERSON only: the resident ID number, encrypted. */
    @Column(name = "person_id_encrypted")
    public String personIdEncrypted;

    /** PERSON only: the ID number's keyed hash; unique, so one person is one unit. */
    @Column(name = "person_id_hash")
    public String personIdHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;
}
