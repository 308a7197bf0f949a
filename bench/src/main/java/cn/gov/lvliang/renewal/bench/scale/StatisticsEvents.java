package cn.gov.lvliang.renewal.bench.scale;

import java.time.Instant;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The statistics bureau's stream (统计局数据流) of tasks-service, pure Java: event {@code j} is a
 * CloudEvents envelope of one of the bureau types the indicator rebuild applies (IndicatorActuals),
 * over the counties and the 2 years of the programme. Share, by {@code j mod 10}: 0–5 claim paid,
 * 6 vehicle scrapped, 7 appliance recycled, 8 used car traded, 9 renewal investment completed.
 */
public final class StatisticsEvents {

    static final String PREFIX = "cn.gov.lvliang.statistics.";
    private static final Instant FIRST = Instant.parse("2024-04-24T01:00:00Z");
    private static final long SPAN_SECONDS = 616L * 86_400;

    /** One row of {@code statistics_event}. */
    record Event(long index, UUID eventId, String sourceEventId, String type, Instant time, String envelope) {}

    private StatisticsEvents() {}

    public static Event event(long seed, long j) {
        SplittableRandom r = Seeds.random(seed, j, Seeds.STATISTICS);
        String county = People.COUNTIES.get(r.nextInt(People.COUNTIES.size()));
        Instant time = FIRST.plusSeconds(r.nextLong(SPAN_SECONDS)).plusNanos(1_000L * r.nextInt(1_000_000));
        LocalDate day = LocalDate.ofInstant(time, Claims.CHINA);
        UUID id = Seeds.uuid(seed, j, Seeds.EVENT_ID);
        String type;
        String data;
        switch ((int) (j % 10)) {
            case 6 -> {
                type = "vehicle.scrapped.v1";
                data = "{\"certificateNumber\":\"" + Certificates.number(j) + "\",\"county\":\"" + county
                        + "\",\"handoverDate\":\"" + day + "\"}";
            }
            case 7 -> {
                type = "appliance.recycled.v1";
                data = "{\"county\":\"" + county + "\",\"count\":" + (1 + r.nextInt(3)) + ",\"recordedOn\":\"" + day
                        + "\"}";
            }
            case 8 -> {
                type = "used-car.traded.v1";
                data = "{\"county\":\"" + county + "\",\"tradeDate\":\"" + day + "\"}";
            }
            case 9 -> {
                type = "renewal.investment-completed.v1";
                data = "{\"county\":\"" + county + "\",\"amountFen\":" + (1_000_000L + 10_000L * r.nextInt(100_000))
                        + ",\"completedOn\":\"" + day + "\"}";
            }
            default -> {
                type = "claim.paid.v1";
                data = "{\"claimPseudonym\":\"" + Long.toHexString(Seeds.mix(seed, j, Seeds.STATISTICS))
                        + "\",\"programmeId\":\"HOME-APPLIANCE\",\"county\":\"" + county + "\",\"amountFen\":"
                        + (20_000 + 100L * r.nextInt(1_800)) + ",\"paidAt\":\"" + time + "\"}";
            }
        }
        String fullType = PREFIX + type;
        String envelope =
                "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/lvliang/tasks-service/statistics\""
                        + ",\"type\":\"" + fullType + "\",\"subject\":\"" + county + "\",\"time\":\"" + time
                        + "\",\"datacontenttype\":\"application/json\",\"data\":" + data + "}";
        return new Event(j, id, "scale-" + j, fullType, time, envelope);
    }
}
