package cn.gov.lvliang.renewal.tasks.plans;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** 任务: (1)设备现状摸排, with its full text as imported. */
@Entity
@Table(name = "plan_task")
public class PlanTask extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    @Column(nullable = false)
    public int number;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String text;

    /** False when the closing parentheses are cut off (task 50 of the stored text). */
    @Column(name = "departments_complete", nullable = false)
    public boolean departmentsComplete;

    /** The parentheses name the county governments (各县市区人民政府负责落实). */
    @Column(name = "counties_implement", nullable = false)
    public boolean countiesImplement;
}
