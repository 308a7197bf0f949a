package cn.gov.lvliang.renewal.recycling.messaging;

import java.time.Instant;

/** Data of {@code cn.gov.lvliang.recycling.battery.handed-over.v1}. */
public record BatteryHandedOver(
        String packCode,
        int sequence,
        String fromCreditCode,
        String toCreditCode,
        Instant handedOverAt,
        Integer stateOfHealthPercent,
        String status,
        String originalPackCode,
        String county,
        String previousSignature,
        String signature) {}
