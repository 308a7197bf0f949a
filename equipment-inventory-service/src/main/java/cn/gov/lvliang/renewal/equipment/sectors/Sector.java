package cn.gov.lvliang.renewal.equipment.sectors;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A key industrial sector (重点领域) of task (1); project units and surveys are classified by it. */
@Entity
@Table(name = "sector")
public class Sector extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public short position;
}
