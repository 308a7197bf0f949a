package cn.gov.lvliang.renewal.tasks.plans;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** 行动: (一)重点领域设备更新行动. */
@Entity
@Table(name = "plan_action")
public class PlanAction extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(nullable = false)
    public int number;

    @Column(nullable = false)
    public String label;

    @Column(nullable = false)
    public String title;
}
