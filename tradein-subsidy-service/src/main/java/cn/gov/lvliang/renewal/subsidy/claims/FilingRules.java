package cn.gov.lvliang.renewal.subsidy.claims;

import cn.gov.lvliang.renewal.platform.problem.ProblemException;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.platform.security.Roles;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.CreateClaim;
import cn.gov.lvliang.renewal.subsidy.programmes.Jurisdiction;
import cn.gov.lvliang.renewal.subsidy.programmes.Programme;
import cn.gov.lvliang.renewal.subsidy.programmes.ProgrammeCategory;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a filing (提交申请) must satisfy before anything is computed or stored: who may file it, and
 * that it fits its programme (受理范围, purchase date, the category's section, the applicant). Pure
 * Java; each rule answers a 4xx problem with the field at fault.
 */
final class FilingRules {

    private FilingRules() {}

    /**
     * The role the caller files in: a dealer or retailer for its own enterprise's sales, a county
     * clerk in its county; 403 otherwise.
     */
    static String filerRole(CreateClaim request, Caller caller) {
        if (caller.hasAnyRole(Set.of(Roles.DEALER, Roles.RETAILER))) {
            if (!caller.enterprise().map(request.sellerCreditCode()::equals).orElse(false)) {
                throw Problems.forbidden(
                        "not-your-enterprise", "detail.not-your-enterprise", request.sellerCreditCode());
            }
            return caller.hasRole(Roles.DEALER) ? Roles.DEALER : Roles.RETAILER;
        }
        if (caller.hasRole(Roles.COUNTY_OFFICER)) {
            if (!caller.county().map(request.county()::equals).orElse(false)) {
                throw Problems.forbidden("not-your-county", "detail.not-your-county", request.county());
            }
            return Roles.COUNTY_OFFICER;
        }
        throw Problems.forbidden("forbidden", "detail.forbidden");
    }

    /**
     * The request fits {@code programme}: its county is in the programme's jurisdiction, the purchase
     * is not after {@code today}, it gives its category's section and applicant.
     */
    static void requireFits(CreateClaim request, Programme programme, LocalDate today) {
        requireJurisdiction(programme, request.county());
        if (request.purchaseDate().isAfter(today)) {
            throw Problems.invalidField("purchaseDate", request.purchaseDate(), "field.date-in-future");
        }
        requireItems(request, programme.category);
        requireApplicant(request.applicant(), programme.category);
    }

    /**
     * 受理范围: a county programme takes its county's claims only, a city programme its counties';
     * 422 with a field error on {@code county} otherwise.
     */
    private static void requireJurisdiction(Programme programme, String county) {
        if (!Jurisdiction.covers(programme.jurisdiction, county)) {
            throw new ProblemException(
                    422,
                    "outside-jurisdiction",
                    "detail.outside-jurisdiction",
                    List.of(new ProblemException.FieldViolation(
                            "county", county, "field.outside-jurisdiction", programme.jurisdiction)),
                    programme.id,
                    programme.jurisdiction,
                    county);
        }
    }

    /** The request gives its category's section (appliance, car, truck, machine, items) and no other. */
    private static void requireItems(CreateClaim request, ProgrammeCategory category) {
        if (request.truck() != null && category != ProgrammeCategory.OLD_DIESEL_TRUCK) {
            throw Problems.invalidField("truck", null, "field.not-for-category", category);
        }
        if (request.farmMachinery() != null && category != ProgrammeCategory.FARM_MACHINERY_SCRAPPAGE) {
            throw Problems.invalidField("farmMachinery", null, "field.not-for-category", category);
        }
        if (request.renovation() != null && !category.hasItemList()) {
            throw Problems.invalidField("renovation", null, "field.not-for-category", category);
        }
        if (category.isCar()) {
            if (request.car() == null) {
                throw Problems.invalidField("car", null, "field.required");
            }
            if (request.appliance() != null) {
                throw Problems.invalidField("appliance", null, "field.not-for-category", category);
            }
            if (category == ProgrammeCategory.CAR_SCRAPPAGE && request.car().scrapCertificateNumber() == null) {
                throw Problems.invalidField("car.scrapCertificateNumber", null, "field.required");
            }
        } else if (category.isProduct()) {
            if (request.appliance() == null) {
                throw Problems.invalidField("appliance", null, "field.required");
            }
            if (request.car() != null) {
                throw Problems.invalidField("car", null, "field.not-for-category", category);
            }
        } else if (category == ProgrammeCategory.OLD_DIESEL_TRUCK) {
            requireOnly(request, "truck", request.truck(), category);
            requireNewTruck(request.truck());
        } else if (category == ProgrammeCategory.FARM_MACHINERY_SCRAPPAGE) {
            requireOnly(request, "farmMachinery", request.farmMachinery(), category);
        } else if (category.hasItemList()) {
            if (request.renovation() == null) {
                throw Problems.invalidField("renovation", null, "field.required");
            }
            if (request.appliance() != null || request.car() != null) {
                throw Problems.invalidField(
                        request.car() != null ? "car" : "appliance", null, "field.not-for-category", category);
            }
        } else {
            throw Problems.unprocessable("category-not-open", "detail.category-not-open", category);
        }
    }

    /**
     * A person gives an ID number; an organisation (a cooperative, a company) its credit code instead,
     * for farm machinery only (decision 0039).
     */
    private static void requireApplicant(ClaimViews.Applicant applicant, ProgrammeCategory category) {
        if (applicant.creditCode() == null) {
            if (applicant.idNumber() == null) {
                throw Problems.invalidField("applicant.idNumber", null, "field.required");
            }
            return;
        }
        if (category != ProgrammeCategory.FARM_MACHINERY_SCRAPPAGE) {
            throw Problems.invalidField(
                    "applicant.creditCode", applicant.creditCode(), "field.not-for-category", category);
        }
        if (applicant.idNumber() != null) {
            throw Problems.invalidField("applicant.idNumber", null, "field.id-or-credit-code");
        }
    }

    /** The request gives the section {@code name} of its category and no other. */
    private static void requireOnly(CreateClaim request, String name, Object section, ProgrammeCategory category) {
        if (section == null) {
            throw Problems.invalidField(name, null, "field.required");
        }
        Map<String, Object> others = new LinkedHashMap<>();
        others.put("appliance", request.appliance());
        others.put("car", request.car());
        others.put("truck", request.truck());
        others.put("farmMachinery", request.farmMachinery());
        others.remove(name);
        for (Map.Entry<String, Object> other : others.entrySet()) {
            if (other.getValue() != null) {
                throw Problems.invalidField(other.getKey(), null, "field.not-for-category", category);
            }
        }
    }

    /** A new truck has its VIN, invoice and price; a truck scrapped only has none of them. */
    private static void requireNewTruck(ClaimViews.TruckItem truck) {
        boolean bought = truck.newTruck() != ClaimViews.NewTruck.NONE;
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("truck.newVin", truck.newVin());
        fields.put("truck.invoiceNumber", truck.invoiceNumber());
        fields.put("truck.priceFen", truck.priceFen());
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            if (bought && field.getValue() == null) {
                throw Problems.invalidField(field.getKey(), null, "field.required");
            }
            if (!bought && field.getValue() != null) {
                throw Problems.invalidField(field.getKey(), field.getValue(), "field.only-with-new-truck");
            }
        }
    }
}
