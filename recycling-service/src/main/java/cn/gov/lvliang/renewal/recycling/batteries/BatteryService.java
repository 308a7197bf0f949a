package cn.gov.lvliang.renewal.recycling.batteries;

import cn.gov.lvliang.renewal.platform.events.Outbox;
import cn.gov.lvliang.renewal.platform.paging.Page;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.recycling.Pages;
import cn.gov.lvliang.renewal.recycling.Scope;
import cn.gov.lvliang.renewal.recycling.enterprises.Enterprise;
import cn.gov.lvliang.renewal.recycling.enterprises.EnterpriseService;
import cn.gov.lvliang.renewal.recycling.messaging.BatteryHandedOver;
import cn.gov.lvliang.renewal.recycling.messaging.RecyclingEvents;
import cn.gov.lvliang.renewal.recycling.organisation.Area;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Use cases of battery traceability (task 50): registration, signed handovers, repurposing, status. */
@ApplicationScoped
public class BatteryService {

    /** An enterprise reads the packs it holds, registered or ever handed over or received. */
    private static final String ENTERPRISE_SCOPE = "(holderCreditCode = :scopeEnterprise"
            + " or registeredBy = :scopeEnterprise"
            + " or id in (select h.packId from BatteryHandover h"
            + " where h.fromCreditCode = :scopeEnterprise or h.toCreditCode = :scopeEnterprise))";

    private final EnterpriseService enterprises;
    private final Outbox outbox;
    private final Clock clock;

    public BatteryService(EnterpriseService enterprises, Outbox outbox, Clock clock) {
        this.enterprises = enterprises;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A licensed enterprise (normally the dismantler) registers a pack it took from a vehicle. */
    @Transactional
    public BatteryView register(BatteryRequests.Register request, Caller caller) {
        Enterprise holder = enterprises.requireLicensed(caller);
        if (request.receivedAt().isAfter(Instant.now(clock))) {
            throw Problems.invalidField("receivedAt", request.receivedAt().toString(), "field.time-in-future");
        }
        requireCodeFree(request.packCode());
        BatteryPack pack = BatteryPack.register(
                request.packCode(),
                request.sourceVin(),
                request.stateOfHealthPercent(),
                BatteryStatus.ORIGINAL,
                holder.creditCode,
                holder.county,
                null,
                request.receivedAt(),
                clock);
        pack.persistAndFlush();
        return view(pack);
    }

    /**
     * The current holder hands the pack over: a new signed link, announced as {@code
     * battery.handed-over}. Any licensed enterprise may try; anyone but the holder gets 409.
     */
    @Transactional
    public BatteryView handOver(String packCode, BatteryRequests.HandOver request, Caller caller) {
        String from = enterprises.requireLicensed(caller).creditCode;
        BatteryPack pack =
                BatteryPack.byCode(packCode).orElseThrow(() -> Problems.notFound("resource.battery", packCode));
        if (Enterprise.count("creditCode", request.toCreditCode()) == 0) {
            throw Problems.invalidField("toCreditCode", request.toCreditCode(), "field.enterprise-unknown");
        }
        BatteryHandover handover = pack.handOver(
                from, request.toCreditCode(), request.handedOverAt(), request.stateOfHealthPercent(), clock);
        handover.persist();
        pack.persistAndFlush();
        outbox.publish(
                RecyclingEvents.TOPIC,
                pack.packCode,
                RecyclingEvents.BATTERY_HANDED_OVER,
                new BatteryHandedOver(
                        pack.packCode,
                        handover.sequence,
                        handover.fromCreditCode,
                        handover.toCreditCode,
                        handover.handedOverAt,
                        handover.stateOfHealthPercent,
                        RecyclingEvents.code(pack.status),
                        pack.originalPackCode,
                        pack.county,
                        handover.previousSignature,
                        handover.signature));
        return view(pack);
    }

    /** The holder makes a repurposed pack: a new record (status REPURPOSED) linking to this one, which closes. */
    @Transactional
    public BatteryView repurpose(String packCode, BatteryRequests.Repurpose request, Caller caller) {
        BatteryPack original =
                scoped(packCode, caller).orElseThrow(() -> Problems.notFound("resource.battery", packCode));
        Enterprise holder = enterprises.requireLicensed(caller);
        requireCodeFree(request.newPackCode());
        original.repurposedInto(holder.creditCode, request.newPackCode());
        original.persist();
        BatteryPack repurposed = BatteryPack.register(
                request.newPackCode(),
                original.sourceVin,
                request.stateOfHealthPercent(),
                BatteryStatus.REPURPOSED,
                holder.creditCode,
                holder.county,
                original.packCode,
                Instant.now(clock),
                clock);
        repurposed.persistAndFlush();
        return view(repurposed);
    }

    @Transactional
    public BatteryView changeStatus(String packCode, BatteryRequests.ChangeStatus request, Caller caller) {
        BatteryPack pack = scoped(packCode, caller).orElseThrow(() -> Problems.notFound("resource.battery", packCode));
        Enterprise holder = enterprises.requireLicensed(caller);
        pack.changeStatus(holder.creditCode, request.status(), request.stateOfHealthPercent());
        pack.persistAndFlush();
        return view(pack);
    }

    public Optional<BatteryView> find(String packCode, Caller caller) {
        return scoped(packCode, caller).map(this::view);
    }

    public Page<BatteryView> list(
            BatteryStatus status, String holder, String sourceVin, int page, int size, Caller caller) {
        Scope.Query query = Scope.of(caller, Area.BATTERIES, "county", ENTERPRISE_SCOPE)
                .query()
                .eq("status", status)
                .eq("holderCreditCode", holder)
                .eq("sourceVin", sourceVin);
        return Pages.of(
                BatteryPack.<BatteryPack>find(query.where(), Sort.by("id"), query.parameters()),
                page,
                size,
                this::view);
    }

    private static Optional<BatteryPack> scoped(String packCode, Caller caller) {
        Scope.Query query = Scope.of(caller, Area.BATTERIES, "county", ENTERPRISE_SCOPE)
                .query()
                .eq("packCode", packCode);
        return BatteryPack.<BatteryPack>find(query.where(), query.parameters()).firstResultOptional();
    }

    private static void requireCodeFree(String packCode) {
        if (BatteryPack.count("packCode", packCode) > 0) {
            throw Problems.conflict("battery-exists", "detail.battery-exists", packCode);
        }
    }

    private BatteryView view(BatteryPack pack) {
        List<BatteryHandover> chain = BatteryHandover.<BatteryHandover>find("packId", Sort.by("sequence"), pack.id)
                .list();
        boolean intact = CustodyChain.verify(
                        pack.registrationSignature,
                        chain.stream().map(h -> h.link(pack.packCode)).toList(),
                        chain.stream().map(h -> h.signature).toList())
                && (chain.isEmpty()
                        ? pack.lastSignature.equals(pack.registrationSignature)
                        : pack.lastSignature.equals(chain.get(chain.size() - 1).signature));
        return new BatteryView(
                pack.packCode,
                pack.sourceVin,
                pack.stateOfHealthPercent,
                pack.status,
                pack.holderCreditCode,
                pack.county,
                pack.originalPackCode,
                pack.successorPackCode,
                pack.registeredBy,
                pack.receivedAt,
                pack.registrationSignature,
                intact,
                chain.stream()
                        .map(h -> new BatteryView.Handover(
                                h.sequence,
                                h.fromCreditCode,
                                h.toCreditCode,
                                h.handedOverAt,
                                h.stateOfHealthPercent,
                                h.previousSignature,
                                h.signature))
                        .toList());
    }
}
