package cn.gov.lvliang.renewal.recycling.messaging;

import java.time.LocalDate;

/** Data of {@code cn.gov.lvliang.recycling.vehicle.deregistered.v1}. */
public record VehicleDeregistered(String certificateNumber, String county, LocalDate deregisteredOn) {}
