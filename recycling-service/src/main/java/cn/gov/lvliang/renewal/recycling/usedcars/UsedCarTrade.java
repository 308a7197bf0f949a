package cn.gov.lvliang.renewal.recycling.usedcars;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A used-car trade (二手车交易) recorded by a used-car market or dealer, with its flags. */
@Entity
@Table(name = "used_car_trade")
public class UsedCarTrade extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "trade_id", nullable = false, updatable = false)
    public String tradeId;

    @Column(name = "market_credit_code", nullable = false, updatable = false)
    public String marketCreditCode;

    @Column(nullable = false, updatable = false)
    public String county;

    @Column(nullable = false, updatable = false)
    public String vin;

    @Column(name = "trade_date", nullable = false, updatable = false)
    public LocalDate tradeDate;

    @Column(name = "price_fen", nullable = false, updatable = false)
    public long priceFen;

    @Column(name = "first_registration_date", nullable = false, updatable = false)
    public LocalDate firstRegistrationDate;

    @Column(name = "from_area", nullable = false, updatable = false)
    public String fromArea;

    @Column(name = "to_area", updatable = false)
    public String toArea;

    @Column(name = "destination_country", updatable = false)
    public String destinationCountry;

    @Column(name = "odometer_km", updatable = false)
    public Long odometerKm;

    @Column(name = "cross_region", nullable = false, updatable = false)
    public boolean crossRegion;

    @Column(nullable = false, updatable = false)
    public boolean export;

    @Column(name = "zero_mileage", nullable = false, updatable = false)
    public boolean zeroMileage;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    public String recordedBy;
}
