package cn.gov.lvliang.renewal.tasks.statistics;

import cn.gov.lvliang.renewal.platform.events.PoisonEventException;
import cn.gov.lvliang.renewal.tasks.messaging.StatisticsEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The statistics bureau's view of every event (统计局数据投影): an <em>allow-list</em> per source
 * type. Only the fields named here are copied, only as plain scalars, and people only as keyed
 * pseudonyms; whatever else a source event carries (names, ID numbers, phones, addresses, bank
 * accounts, masked forms, the services' own hashes, VINs, free text) never reaches the bureau,
 * because nothing copies it. A type without a rule is not forwarded at all.
 */
public final class BureauProjection {

    /** Keyed pseudonyms (HMAC under the bureau's key): stable per person, not reversible. */
    @FunctionalInterface
    public interface Pseudonymiser {
        String pseudonym(String domain, String value);
    }

    /** A projected event: the bureau type and its data. */
    public record Projected(String type, ObjectNode data) {}

    /** One allowed field. */
    sealed interface Field permits Copy, ScalarList, Pseudonym {}

    /** Copies a scalar at {@code path} (dots for nested objects) to the same path. */
    record Copy(String path, boolean required) implements Field {}

    /** Copies an array of scalars. */
    record ScalarList(String path) implements Field {}

    /** Writes {@code target} = pseudonym(domain, value at {@code source}); the value itself never. */
    record Pseudonym(String target, String source, String domain) implements Field {}

    record Rule(String bureauType, List<Field> fields) {}

    private static final Map<String, Rule> RULES = rules();

    private final Pseudonymiser pseudonyms;

    public BureauProjection(Pseudonymiser pseudonyms) {
        this.pseudonyms = pseudonyms;
    }

    /** The source types the bureau receives. */
    public static Set<String> sourceTypes() {
        return new TreeSet<>(RULES.keySet());
    }

    /** The bureau types this projection writes. */
    public static Set<String> bureauTypes() {
        Set<String> out = new TreeSet<>();
        RULES.values().forEach(r -> out.add(r.bureauType()));
        return out;
    }

    /**
     * Projects one source event.
     *
     * @return empty for a type the bureau does not receive
     * @throws PoisonEventException when a required field is missing or a field is not a scalar
     */
    public Optional<Projected> project(String type, JsonNode data) {
        Rule rule = RULES.get(type);
        if (rule == null) {
            return Optional.empty();
        }
        if (data == null || !data.isObject()) {
            throw new PoisonEventException(type + " has no data object");
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Field field : rule.fields()) {
            if (field instanceof Copy c) {
                copy(type, data, out, c);
            } else if (field instanceof ScalarList l) {
                list(type, data, out, l);
            } else if (field instanceof Pseudonym p) {
                pseudonym(type, data, out, p);
            }
        }
        return Optional.of(new Projected(rule.bureauType(), out));
    }

    private static void copy(String type, JsonNode data, ObjectNode out, Copy c) {
        JsonNode value = at(data, c.path());
        if (value.isMissingNode() || value.isNull()) {
            if (c.required()) {
                throw new PoisonEventException(type + " lacks " + c.path());
            }
            return;
        }
        if (!value.isValueNode()) {
            throw new PoisonEventException(type + ": " + c.path() + " is not a plain value");
        }
        parent(out, c.path()).set(leaf(c.path()), value.deepCopy());
    }

    private static void list(String type, JsonNode data, ObjectNode out, ScalarList l) {
        JsonNode value = at(data, l.path());
        if (value.isMissingNode() || value.isNull()) {
            return;
        }
        if (!value.isArray()) {
            throw new PoisonEventException(type + ": " + l.path() + " is not a list");
        }
        ArrayNode copy = parent(out, l.path()).putArray(leaf(l.path()));
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw new PoisonEventException(type + ": " + l.path() + " holds a non-text item");
            }
            copy.add(item.asText());
        }
    }

    private void pseudonym(String type, JsonNode data, ObjectNode out, Pseudonym p) {
        JsonNode value = at(data, p.source());
        if (value.isMissingNode() || value.isNull()) {
            return;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new PoisonEventException(type + ": " + p.source() + " is not a text");
        }
        out.put(p.target(), pseudonyms.pseudonym(p.domain(), value.asText()));
    }

    private static JsonNode at(JsonNode data, String path) {
        return data.at("/" + path.replace('.', '/'));
    }

    private static ObjectNode parent(ObjectNode out, String path) {
        ObjectNode node = out;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            node = child instanceof ObjectNode o ? o : node.putObject(parts[i]);
        }
        return node;
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    // ------------------------------------------------------------------ the allow-lists

    private static Copy r(String path) {
        return new Copy(path, true);
    }

    private static Copy o(String path) {
        return new Copy(path, false);
    }

    private static Map<String, Rule> rules() {
        Map<String, Rule> m = new LinkedHashMap<>();
        // recycling-service: no VIN, engine number, battery code, owner hash or masked forms.
        List<Field> certificate = List.of(
                r("certificateNumber"),
                r("dismantlerCreditCode"),
                r("county"),
                o("firstRegistrationDate"),
                r("handoverDate"),
                r("powerType"),
                new Pseudonym("ownerPseudonym", "owner.idNumberHash", "owner"),
                o("vehicleType"),
                o("vehicleUse"),
                o("makeAndModel"),
                o("kerbWeightKg"),
                r("version"));
        add(m, "recycling.vehicle.scrapped.v1", certificate);
        add(m, "recycling.certificate.corrected.v1", certificate);
        add(m, "recycling.certificate.voided.v1", List.of(r("certificateNumber"), r("voidedAt")));
        add(m, "recycling.vehicle.deregistered.v1", List.of(r("certificateNumber"), r("county"), r("deregisteredOn")));
        // the farm-machinery certificate (issue 21): no factory or engine number and no owner in any form
        List<Field> farmCertificate = List.of(
                r("certificateNumber"),
                r("dismantlerCreditCode"),
                r("county"),
                r("machineType"),
                r("powerKw"),
                o("makeAndModel"),
                r("handoverDate"),
                r("version"));
        add(m, "recycling.farm-machinery.scrapped.v1", farmCertificate);
        add(m, "recycling.farm-machinery-certificate.corrected.v1", farmCertificate);
        add(m, "recycling.farm-machinery-certificate.voided.v1", List.of(r("certificateNumber"), r("voidedAt")));
        add(
                m,
                "recycling.enterprise.qualification-changed.v1",
                List.of(
                        r("creditCode"),
                        r("name"),
                        r("type"),
                        r("county"),
                        o("validFrom"),
                        o("validTo"),
                        r("status"),
                        r("licenceStatus"),
                        r("changedAt")));
        add(
                m,
                "recycling.battery.handed-over.v1",
                List.of(
                        r("packCode"),
                        r("sequence"),
                        r("fromCreditCode"),
                        r("toCreditCode"),
                        r("handedOverAt"),
                        o("stateOfHealthPercent"),
                        r("status"),
                        o("originalPackCode"),
                        r("county")));
        add(
                m,
                "recycling.used-car.traded.v1",
                List.of(
                        r("tradeId"),
                        r("county"),
                        r("tradeDate"),
                        r("priceFen"),
                        r("crossRegion"),
                        r("export"),
                        r("zeroMileage")));
        add(
                m,
                "recycling.appliance.recycled.v1",
                List.of(
                        r("recordId"),
                        r("county"),
                        r("category"),
                        r("count"),
                        r("weightKg"),
                        r("source"),
                        o("claimId"),
                        r("recordedOn"),
                        r("materials.steelKg"),
                        r("materials.nonFerrousKg"),
                        r("materials.plasticsKg"),
                        r("materials.glassKg"),
                        r("materials.otherKg")));
        // tradein-subsidy-service: the claimant re-keyed, so the bureau cannot join it to the services.
        List<Field> claim = List.of(
                r("claimId"),
                r("programmeId"),
                r("category"),
                o("productCategory"),
                r("county"),
                o("ruleVersion"),
                o("sellerCreditCode"),
                new Pseudonym("claimantPseudonym", "claimantPseudonym", "claimant"),
                r("amountFen"),
                r("status"),
                o("reasonCode"),
                new ScalarList("flags"),
                o("paymentKind"),
                o("paidAt"),
                r("at"));
        for (String event : List.of("submitted", "verified", "approved", "rejected", "returned", "paid")) {
            add(m, "subsidy.claim." + event + ".v1", claim);
        }
        // appeals (复核): the appellant is a role, never a person
        add(
                m,
                "subsidy.claim.appealed.v1",
                List.of(
                        r("claimId"),
                        r("claimNumber"),
                        r("programmeId"),
                        r("county"),
                        r("appellant"),
                        o("rejectionReason"),
                        r("appealedAt"),
                        r("decisionDue")));
        add(
                m,
                "subsidy.claim.appeal-decided.v1",
                List.of(
                        r("claimId"),
                        r("claimNumber"),
                        r("programmeId"),
                        r("county"),
                        r("decision"),
                        r("decidedAt"),
                        r("overdue")));
        List<Field> budget = List.of(
                r("programmeId"),
                r("county"),
                r("fundingSource"),
                r("amountFen"),
                r("allocatedFen"),
                r("reservedFen"),
                r("postedFen"),
                r("availableFen"),
                r("at"));
        for (String event : List.of("allocated", "low", "exhausted")) {
            add(m, "subsidy.budget." + event + ".v1", budget);
        }
        // equipment-inventory-service: no equipment names, asset tags or free-text reasons.
        List<Field> record = List.of(
                r("equipmentId"),
                r("unitCreditCode"),
                r("county"),
                o("sector"),
                r("category"),
                o("quantity"),
                o("commissionedOn"),
                r("status"),
                o("efficiencyGrade"),
                o("efficiencyTier"),
                o("emissionGrade"),
                o("originalValueFen"),
                o("version"));
        add(m, "equipment.equipment.registered.v1", record);
        add(m, "equipment.equipment.updated.v1", record);
        add(
                m,
                "equipment.equipment.flagged.v1",
                List.of(r("equipmentId"), r("unitCreditCode"), r("county"), r("ruleCode"), r("ruleVersion")));
        add(
                m,
                "equipment.equipment.retirement-scheduled.v1",
                List.of(
                        r("equipmentId"),
                        r("unitCreditCode"),
                        r("county"),
                        o("sector"),
                        r("category"),
                        r("plannedOn"),
                        o("replacementId")));
        add(
                m,
                "equipment.equipment.retired.v1",
                List.of(
                        r("equipmentId"),
                        r("unitCreditCode"),
                        r("county"),
                        o("sector"),
                        r("category"),
                        o("quantity"),
                        r("retiredOn"),
                        r("disposal"),
                        o("replacementId")));
        add(
                m,
                "equipment.renewal.investment-planned.v1",
                List.of(
                        r("equipmentId"),
                        r("unitCreditCode"),
                        r("county"),
                        o("sector"),
                        r("category"),
                        r("amountFen"),
                        r("plannedYear")));
        add(
                m,
                "equipment.renewal.investment-completed.v1",
                List.of(
                        r("equipmentId"),
                        r("unitCreditCode"),
                        r("county"),
                        o("sector"),
                        r("category"),
                        r("amountFen"),
                        r("completedOn"),
                        o("efficiencyTier"),
                        o("emissionGrade")));
        // tasks-service's own stream: no person is in it; the internal source event id stays out.
        add(
                m,
                "tasks.plan.imported.v1",
                List.of(
                        r("planId"),
                        r("documentNumber"),
                        r("version"),
                        o("previousPlanId"),
                        o("found.actions"),
                        o("found.projects"),
                        o("found.tasks"),
                        o("announced.actions"),
                        o("announced.projects"),
                        o("announced.tasks"),
                        o("tasksAdded"),
                        o("tasksRemoved"),
                        o("tasksChanged")));
        // the organisation directory: codes and names of public bodies, no person
        add(
                m,
                "tasks.organisation.department-changed.v1",
                List.of(r("code"), r("name"), r("kind"), r("change"), r("version")));
        add(
                m,
                "tasks.organisation.county-changed.v1",
                List.of(r("code"), r("name"), r("kind"), r("change"), r("version")));
        add(
                m,
                "tasks.task.assigned.v1",
                List.of(
                        r("assignmentId"),
                        r("planId"),
                        r("taskId"),
                        r("taskNumber"),
                        r("assigneeKind"),
                        o("departmentCode"),
                        o("countyCode"),
                        o("dueDate")));
        add(
                m,
                "tasks.assignment.status-changed.v1",
                List.of(
                        r("assignmentId"),
                        r("taskId"),
                        r("taskNumber"),
                        r("assigneeKind"),
                        o("departmentCode"),
                        o("countyCode"),
                        r("action"),
                        r("from"),
                        r("to"),
                        r("at")));
        add(
                m,
                "tasks.progress.reported.v1",
                List.of(
                        r("reportId"),
                        r("assignmentId"),
                        r("taskNumber"),
                        o("departmentCode"),
                        o("countyCode"),
                        r("period"),
                        r("percentComplete"),
                        r("status")));
        add(
                m,
                "tasks.supervision.notice-issued.v1",
                List.of(
                        r("noticeId"),
                        r("assignmentId"),
                        r("taskNumber"),
                        o("departmentCode"),
                        o("countyCode"),
                        r("reason"),
                        o("period"),
                        r("level"),
                        r("escalation"),
                        o("dueDate")));
        add(
                m,
                "tasks.indicator.updated.v1",
                List.of(r("indicatorCode"), r("areaCode"), r("period"), r("value"), o("delta"), r("source")));
        return Map.copyOf(m);
    }

    private static void add(Map<String, Rule> m, String areaAggregateEvent, List<Field> fields) {
        String aggregateEvent = areaAggregateEvent.substring(areaAggregateEvent.indexOf('.') + 1);
        m.put(
                "cn.gov.lvliang." + areaAggregateEvent,
                new Rule(StatisticsEvents.PREFIX + aggregateEvent, new ArrayList<>(fields)));
    }
}
