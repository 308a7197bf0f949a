package cn.gov.lvliang.renewal.recycling.usedcars;

import cn.gov.lvliang.renewal.platform.events.Outbox;
import cn.gov.lvliang.renewal.platform.paging.Page;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.recycling.Pages;
import cn.gov.lvliang.renewal.recycling.RecyclingConfig;
import cn.gov.lvliang.renewal.recycling.Scope;
import cn.gov.lvliang.renewal.recycling.enterprises.Enterprise;
import cn.gov.lvliang.renewal.recycling.enterprises.EnterpriseService;
import cn.gov.lvliang.renewal.recycling.enterprises.EnterpriseType;
import cn.gov.lvliang.renewal.recycling.messaging.RecyclingEvents;
import cn.gov.lvliang.renewal.recycling.messaging.UsedCarTraded;
import cn.gov.lvliang.renewal.recycling.organisation.Area;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** Use cases of used-car trades (tasks 44-45). */
@ApplicationScoped
public class UsedCarTradeService {

    private final EnterpriseService enterprises;
    private final Outbox outbox;
    private final RecyclingConfig config;
    private final Clock clock;

    public UsedCarTradeService(EnterpriseService enterprises, Outbox outbox, RecyclingConfig config, Clock clock) {
        this.enterprises = enterprises;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    /** Records a trade with its flags and announces it as {@code used-car.traded}. */
    @Transactional
    public UsedCarTradeView record(RecordUsedCarTrade request, Caller caller) {
        Enterprise market = enterprises.requireQualified(caller, EnterpriseType.USED_CAR_MARKET);
        if (request.tradeDate().isAfter(LocalDate.now(clock))) {
            throw Problems.invalidField("tradeDate", request.tradeDate(), "field.date-in-future");
        }
        if (request.tradeDate().isBefore(request.firstRegistrationDate())) {
            throw Problems.invalidField("tradeDate", request.tradeDate(), "field.before-registration");
        }
        if (request.export() && request.destinationCountry() == null) {
            throw Problems.invalidField("destinationCountry", null, "field.required");
        }
        UsedCarTrade trade = new UsedCarTrade();
        trade.tradeId = UUID.randomUUID().toString();
        trade.marketCreditCode = market.creditCode;
        trade.county = market.county;
        trade.vin = request.vin();
        trade.tradeDate = request.tradeDate();
        trade.priceFen = request.priceFen();
        trade.firstRegistrationDate = request.firstRegistrationDate();
        trade.fromArea = request.fromArea();
        trade.toArea = request.toArea();
        trade.destinationCountry = request.export() ? request.destinationCountry() : null;
        trade.odometerKm = request.odometerKm();
        trade.export = request.export();
        trade.crossRegion = TradeFlags.crossRegion(request.fromArea(), request.toArea());
        trade.zeroMileage =
                TradeFlags.zeroMileage(request.firstRegistrationDate(), request.tradeDate(), config.zeroMileageDays());
        trade.recordedAt = Instant.now(clock);
        trade.recordedBy = caller.subject();
        trade.persistAndFlush();
        outbox.publish(
                RecyclingEvents.TOPIC,
                trade.tradeId,
                RecyclingEvents.USED_CAR_TRADED,
                new UsedCarTraded(
                        trade.tradeId,
                        trade.county,
                        trade.vin,
                        trade.tradeDate,
                        trade.priceFen,
                        trade.crossRegion,
                        trade.export,
                        trade.zeroMileage));
        return UsedCarTradeView.of(trade);
    }

    public Optional<UsedCarTradeView> find(String tradeId, Caller caller) {
        Scope.Query query = Scope.of(caller, Area.USED_CAR_TRADES, "county", "marketCreditCode")
                .query()
                .eq("tradeId", tradeId);
        return UsedCarTrade.<UsedCarTrade>find(query.where(), query.parameters())
                .firstResultOptional()
                .map(UsedCarTradeView::of);
    }

    public Page<UsedCarTradeView> list(
            String county,
            String vin,
            Boolean zeroMileage,
            Boolean export,
            Boolean crossRegion,
            int page,
            int size,
            Caller caller) {
        Scope.Query query = Scope.of(caller, Area.USED_CAR_TRADES, "county", "marketCreditCode")
                .query()
                .eq("county", county)
                .eq("vin", vin)
                .eq("zeroMileage", zeroMileage)
                .eq("export", export)
                .eq("crossRegion", crossRegion);
        return Pages.of(
                UsedCarTrade.<UsedCarTrade>find(query.where(), Sort.by("id"), query.parameters()),
                page,
                size,
                UsedCarTradeView::of);
    }
}
