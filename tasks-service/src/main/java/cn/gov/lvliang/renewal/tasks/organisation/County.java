package cn.gov.lvliang.renewal.tasks.organisation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A county-level division (县级行政区划) of Lüliang, identified by its GB/T 2260 area code. */
@Entity
@Table(name = "county")
public class County extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;
}
