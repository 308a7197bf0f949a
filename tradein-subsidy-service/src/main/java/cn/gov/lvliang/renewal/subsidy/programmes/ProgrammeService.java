package cn.gov.lvliang.renewal.subsidy.programmes;

import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.CallerScope;
import cn.gov.lvliang.renewal.subsidy.programmes.ProgrammeViews.CreateProgramme;
import cn.gov.lvliang.renewal.subsidy.programmes.ProgrammeViews.CreateRuleVersion;
import cn.gov.lvliang.renewal.subsidy.programmes.ProgrammeViews.ProgrammeView;
import cn.gov.lvliang.renewal.subsidy.programmes.ProgrammeViews.RuleVersionView;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Use cases of programmes and their rule versions. */
@ApplicationScoped
public class ProgrammeService {

    private final RuleBook rules;
    private final Clock clock;

    public ProgrammeService(RuleBook rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ProgrammeView> list(Caller caller) {
        CallerScope.Condition scope = DepartmentScope.programmes(caller, "id").orElse(CallerScope.Condition.ALL);
        return Programme.<Programme>find(scope.clause(), Sort.by("id"), scope.parameters()).list().stream()
                .map(this::view)
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ProgrammeView get(String id, Caller caller) {
        Programme programme = find(id);
        DepartmentScope.programmes(caller, "id").ifPresent(scope -> {
            Map<String, Object> parameters = new HashMap<>(scope.parameters());
            parameters.put("programme", id);
            if (Programme.count("id = :programme and " + scope.clause(), parameters) == 0) {
                throw Problems.notFound("resource.programme", id);
            }
        });
        return view(programme);
    }

    @Transactional
    public ProgrammeView create(CreateProgramme request) {
        ProgrammeViews.FundingShares s = request.fundingShares();
        if (s.centralBp() + s.provincialBp() + s.cityBp() + s.countyBp() != 10_000) {
            throw Problems.invalidField("fundingShares", null, "field.shares-sum");
        }
        if (request.periodEnd() != null && request.periodEnd().isBefore(request.periodStart())) {
            throw Problems.invalidField("periodEnd", request.periodEnd(), "field.end-before-start");
        }
        if (Programme.findById(request.id()) != null) {
            throw Problems.conflict("programme-exists", "detail.programme-exists", request.id());
        }
        Programme p = new Programme();
        p.id = request.id();
        p.name = request.name();
        p.category = request.category();
        p.jurisdiction = request.jurisdiction();
        p.periodStart = request.periodStart();
        p.periodEnd = request.periodEnd();
        p.whenExhausted = request.whenExhausted();
        p.centralShareBp = s.centralBp();
        p.provincialShareBp = s.provincialBp();
        p.cityShareBp = s.cityBp();
        p.countyShareBp = s.countyBp();
        p.createdAt = Instant.now(clock);
        p.persistAndFlush();
        return view(p);
    }

    /**
     * Closes a programme to new claims (停止受理). Claims filed before go on through review and
     * payment; closing again answers 409.
     */
    @Transactional
    public ProgrammeView close(String id, String reason, Caller caller) {
        Programme p = find(id);
        if (p.closed()) {
            throw Problems.conflict("programme-closed", "detail.programme-closed", id, p.closedAt);
        }
        p.close(caller.subject(), reason.trim(), Instant.now(clock));
        p.persistAndFlush();
        return view(p);
    }

    /**
     * Adds the next rule version. Nothing issued changes: a raise is a new version with a higher
     * number, which then wins for the purchase dates it covers.
     */
    @Transactional
    public RuleVersionView addVersion(String programmeId, CreateRuleVersion request, Caller caller) {
        Programme programme = find(programmeId);
        if (request.effectiveTo() != null && request.effectiveTo().isBefore(request.effectiveFrom())) {
            throw Problems.invalidField("effectiveTo", request.effectiveTo(), "field.end-before-start");
        }
        String document = rules.validatedDocument(request.parameters());
        RuleParameters.AmountKind kind = request.parameters().amount().kind();
        if ((kind == RuleParameters.AmountKind.PERCENT_PER_ITEM) != programme.category.hasItemList()) {
            // claims of items are computed per item, every other claim from its one price (decision 0040)
            throw Problems.invalidField("parameters.amount.kind", kind, "field.not-for-category", programme.category);
        }
        // Serialise version numbers per programme: the row lock is the guard, across instances.
        Programme.getEntityManager().lock(programme, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        Integer highest = RuleVersion.find("select max(version) from RuleVersion where programmeId = ?1", programmeId)
                .project(Integer.class)
                .firstResult();
        RuleVersion v = new RuleVersion();
        v.programmeId = programmeId;
        v.version = highest == null ? 1 : highest + 1;
        v.effectiveFrom = request.effectiveFrom();
        v.effectiveTo = request.effectiveTo();
        v.parameters = document;
        v.evidenceRequired = request.evidenceRequired().toArray(String[]::new);
        v.collectionRequired = request.collectionRequired();
        if (request.appealWindowDays() != null) {
            v.appealWindowDays = request.appealWindowDays();
        }
        v.legalBasis = request.legalBasis();
        v.createdAt = Instant.now(clock);
        v.createdBy = caller.subject();
        v.persistAndFlush();
        return view(v);
    }

    Programme find(String id) {
        Programme p = Programme.findById(id);
        if (p == null) {
            throw Problems.notFound("resource.programme", id);
        }
        return p;
    }

    private ProgrammeView view(Programme p) {
        List<RuleVersionView> versions =
                RuleVersion.<RuleVersion>list("programmeId = ?1 order by version", p.id).stream()
                        .map(this::view)
                        .toList();
        return ProgrammeView.of(p, versions);
    }

    RuleVersionView view(RuleVersion v) {
        return new RuleVersionView(
                v.id,
                v.version,
                v.effectiveFrom,
                v.effectiveTo,
                rules.parameters(v),
                Arrays.asList(v.evidenceRequired),
                v.collectionRequired,
                v.appealWindowDays,
                v.legalBasis,
                v.createdAt);
    }
}
