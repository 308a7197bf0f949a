package cn.gov.lvliang.renewal.platform.events.testapp;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What the test app's handler applied: one row per event, so a second effect would fail or show. */
@Entity
@Table(name = "applied_thing")
public class AppliedThing extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public String eventId;

    public String name;
}
