package cn.gov.lvliang.renewal.equipment.units;

import cn.gov.lvliang.renewal.equipment.scope.Scope;
import cn.gov.lvliang.renewal.equipment.sectors.Sector;
import cn.gov.lvliang.renewal.platform.paging.Page;
import cn.gov.lvliang.renewal.platform.pii.Masking;
import cn.gov.lvliang.renewal.platform.pii.PiiProtection;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Use cases of project units. */
@ApplicationScoped
public class ProjectUnitService {

    static final String CONTACT_NAME = "project_unit.contact_name";
    static final String CONTACT_PHONE = "project_unit.contact_phone";
    static final String PERSON_NAME = "project_unit.person_name";
    static final String PERSON_ID = "project_unit.person_id";

    /** A registration's outcome: the unit, and whether it is new or the person's existing unit. */
    public record Registered(UnitView unit, boolean created) {}

    private final PiiProtection pii;
    private final Clock clock;
    private final Event<UnitChanged> changed;

    public ProjectUnitService(PiiProtection pii, Clock clock, Event<UnitChanged> changed) {
        this.pii = pii;
        this.clock = clock;
        this.changed = changed;
    }

    /**
     * Registers a unit. A natural person (type PERSON) is found by the keyed hash of the ID number:
     * registering the same person again answers the existing unit (in scope) instead of a second one,
     * also when two registrations of a new person arrive at once. Two registrations of one new
     * credit code at once: the second is refused by the unique key, 409 like a later one.
     */
    @Transactional
    public Registered register(UnitRequest request, Scope scope) {
        request.checkIdentity();
        checkSector(request.sector());
        if (request.type() == UnitType.PERSON) {
            return registerPerson(request, scope);
        }
        if (!scope.coversUnit(request.creditCode(), request.county(), request.sector())) {
            throw Problems.forbidden("out-of-scope", "detail.out-of-scope", request.creditCode());
        }
        if (ProjectUnit.count("creditCode", request.creditCode()) > 0) {
            throw Problems.conflict("unit-exists", "detail.unit-exists", request.creditCode());
        }
        ProjectUnit unit = new ProjectUnit();
        unit.creditCode = request.creditCode();
        unit.createdAt = Instant.now(clock);
        apply(unit, request);
        unit.persistAndFlush();
        return new Registered(view(unit), true);
    }

    private Registered registerPerson(UnitRequest request, Scope scope) {
        String hash = pii.hash(request.idNumber());
        // Two clerks registering the same new person at once: the second waits for the first's commit
        // and then finds its unit (200), where both would pass the check and the second would hit the
        // unique hash (a 409 at best). Keyed by the hash: other registrations never wait.
        ProjectUnit.getEntityManager()
                .createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "person-unit:" + hash)
                .getSingleResult();
        Optional<ProjectUnit> known =
                ProjectUnit.<ProjectUnit>find("personIdHash", hash).firstResultOptional();
        if (known.isPresent()) {
            ProjectUnit unit = known.get();
            if (!scope.coversUnit(unit.creditCode, unit.county, unit.sectorCode)) {
                throw Problems.conflict("unit-exists", "detail.person-unit-exists");
            }
            return new Registered(view(unit), false);
        }
        if (!scope.coversUnit(null, request.county(), request.sector())) {
            throw Problems.forbidden("out-of-scope", "detail.out-of-scope", request.county());
        }
        long serial = ((Number) ProjectUnit.getEntityManager()
                        .createNativeQuery("select nextval('person_unit_code')")
                        .getSingleResult())
                .longValue();
        ProjectUnit unit = new ProjectUnit();
        unit.creditCode = PersonUnitCode.of(request.county(), serial);
        unit.personIdHash = hash;
        unit.personIdEncrypted = pii.encrypt(request.idNumber(), PERSON_ID);
        unit.createdAt = Instant.now(clock);
        apply(unit, request);
        unit.persistAndFlush();
        return new Registered(view(unit), true);
    }

    @Transactional
    public UnitView change(long id, UnitRequest request, Scope scope) {
        ProjectUnit unit = scoped(id, scope).orElseThrow(() -> Problems.notFound("resource.project-unit", id));
        request.checkIdentity();
        if ((unit.type == UnitType.PERSON) != (request.type() == UnitType.PERSON)) {
            throw Problems.invalidField("type", request.type(), "field.immutable");
        }
        if (unit.type == UnitType.PERSON
                ? !unit.personIdHash.equals(pii.hash(request.idNumber()))
                : !unit.creditCode.equals(request.creditCode())) {
            String field = unit.type == UnitType.PERSON ? "idNumber" : "creditCode";
            throw Problems.invalidField(field, null, "field.immutable");
        }
        if (request.version() == null) {
            throw Problems.invalidField("version", null, "field.required");
        }
        if (request.version() != unit.version) {
            throw new OptimisticLockException("stale project unit " + id);
        }
        checkSector(request.sector());
        if (!scope.coversUnit(request.creditCode(), request.county(), request.sector())) {
            throw Problems.forbidden("out-of-scope", "detail.out-of-scope", request.creditCode());
        }
        apply(unit, request);
        unit.persistAndFlush();
        // Equipment follows its unit's county and sector (scoping and aggregates use them).
        changed.fire(new UnitChanged(unit.id, unit.county, unit.sectorCode));
        return view(unit);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UnitView> find(long id, Scope scope) {
        return scoped(id, scope).map(this::view);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<UnitView> list(String county, String sector, UnitType type, String q, int page, int size, Scope scope) {
        List<Object> params = new ArrayList<>();
        StringBuilder hql = new StringBuilder(scope.unitHql(params));
        if (county != null) {
            params.add(county);
            hql.append(" and county = ?").append(params.size());
        }
        if (sector != null) {
            params.add(sector);
            hql.append(" and sectorCode = ?").append(params.size());
        }
        if (type != null) {
            params.add(type);
            hql.append(" and type = ?").append(params.size());
        }
        if (q != null && !q.isBlank()) {
            params.add("%" + q.strip() + "%");
            hql.append(" and (name like ?").append(params.size()).append(" or creditCode like ?");
            hql.append(params.size()).append(")");
        }
        var query = ProjectUnit.<ProjectUnit>find(hql.toString(), Sort.by("id"), params.toArray());
        long total = query.count();
        List<UnitView> items =
                query.page(page, size).list().stream().map(this::view).toList();
        return new Page<>(items, total, page, size);
    }

    /** The unit if it exists and lies in the scope. */
    Optional<ProjectUnit> scoped(long id, Scope scope) {
        List<Object> params = new ArrayList<>();
        params.add(id);
        String hql = "id = ?1 and " + scope.unitHql(params);
        return ProjectUnit.<ProjectUnit>find(hql, params.toArray()).firstResultOptional();
    }

    private void apply(ProjectUnit unit, UnitRequest request) {
        String name = request.name().strip();
        if (request.type() == UnitType.PERSON) {
            unit.name = Masking.name(name);
            unit.personNameEncrypted = pii.encrypt(name, PERSON_NAME);
        } else {
            unit.name = name;
        }
        unit.county = request.county();
        unit.sectorCode = request.sector();
        unit.type = request.type();
        unit.contactNameEncrypted =
                request.contactName() == null ? null : pii.encrypt(request.contactName(), CONTACT_NAME);
        unit.contactPhoneEncrypted =
                request.contactPhone() == null ? null : pii.encrypt(request.contactPhone(), CONTACT_PHONE);
        unit.contactPhoneHash = request.contactPhone() == null ? null : pii.hash(request.contactPhone());
        unit.updatedAt = Instant.now(clock);
    }

    private static void checkSector(String sector) {
        if (sector != null && Sector.findById(sector) == null) {
            throw Problems.invalidField("sector", sector, "field.unknown-sector");
        }
    }

    UnitView view(ProjectUnit u) {
        return new UnitView(
                u.id,
                u.creditCode,
                u.name,
                u.personIdEncrypted == null ? null : Masking.idNumber(pii.decrypt(u.personIdEncrypted, PERSON_ID)),
                u.county,
                u.sectorCode,
                u.type,
                u.contactNameEncrypted == null ? null : Masking.name(pii.decrypt(u.contactNameEncrypted, CONTACT_NAME)),
                u.contactPhoneEncrypted == null
                        ? null
                        : Masking.phone(pii.decrypt(u.contactPhoneEncrypted, CONTACT_PHONE)),
                u.updatedAt,
                u.version);
    }
}
