package cn.gov.lvliang.renewal.subsidy.claims;

import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.CreateClaim;
import cn.gov.lvliang.renewal.subsidy.programmes.Programme;
import cn.gov.lvliang.renewal.subsidy.programmes.RuleParameters;
import cn.gov.lvliang.renewal.subsidy.programmes.RuleVersion;
import cn.gov.lvliang.renewal.subsidy.programmes.SubsidyCalculator;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;

/**
 * Turns a filing into a new, submitted claim under the rule version in force: the request's
 * applicant and item (appliance, car, truck or farm machine, or a list of home items) and the
 * amount the version gives. Stores nothing.
 */
@ApplicationScoped
public class NewClaims {

    /** A new claim and, for the categories with an item list, its items to store after it. */
    record NewClaim(Claim claim, List<ClaimHomeItem> homeItems) {}

    private final ApplicantData applicants;
    private final Clock clock;

    public NewClaims(ApplicantData applicants, Clock clock) {
        this.applicants = applicants;
        this.clock = clock;
    }

    /**
     * The claim {@code submitter} files in {@code role}, with its amount computed under {@code
     * version}; 422 {@code item-not-covered} for home items outside the version's catalogue.
     */
    NewClaim of(
            CreateClaim request,
            String submitter,
            String role,
            Programme programme,
            RuleVersion version,
            RuleParameters parameters) {
        if (programme.category.hasItemList()) {
            HomeItemClaims.requireCatalogued(request.renovation(), parameters, programme.id);
        }
        Claim claim = Claim.submitted(submitter, clock);
        claim.programmeId = programme.id;
        claim.category = programme.category;
        claim.ruleVersionId = version.id;
        claim.ruleVersion = version.version;
        claim.collectionRequired = version.collectionRequired;
        claim.county = request.county();
        claim.sellerCreditCode = request.sellerCreditCode();
        claim.filedByRole = role;
        claim.purchaseDate = request.purchaseDate();
        applicants.fill(claim, request.applicant());
        if (request.appliance() != null) {
            appliance(claim, request.appliance());
        } else if (request.car() != null) {
            car(claim, request.car());
        } else if (request.truck() != null) {
            truck(claim, request.truck());
        } else if (request.farmMachinery() != null) {
            farmMachinery(claim, request.farmMachinery());
        }
        claim.limitGroup = parameters.limits().limitGroup();
        claim.deregistrationRequired =
                parameters.truck() != null && parameters.truck().deregistrationBeforePayment();
        List<ClaimHomeItem> homeItems = programme.category.hasItemList()
                ? HomeItemClaims.fill(claim, request.renovation(), parameters)
                : List.of();
        if (homeItems.isEmpty()) {
            compute(claim, parameters);
        }
        return new NewClaim(claim, homeItems);
    }

    private void appliance(Claim claim, ClaimViews.ApplianceItem item) {
        claim.productCategory = item.productCategory();
        claim.model = item.model();
        claim.serialNumber = item.serialNumber();
        claim.invoiceNumber = item.invoiceNumber();
        claim.priceFen = item.priceFen();
        claim.efficiencyGrade = item.efficiencyGrade();
        applicants.setDeliveryAddress(claim, item.deliveryAddress());
    }

    private static void car(Claim claim, ClaimViews.CarItem car) {
        claim.scrapCertificateNumber = car.scrapCertificateNumber();
        claim.oldVin = car.oldVin();
        claim.newVin = car.newVin();
        claim.newCarPowerType = car.newCarPowerType();
        claim.newCarDisplacementMl = car.newCarDisplacementMl();
        claim.invoiceNumber = car.invoiceNumber();
        claim.priceFen = car.priceFen();
    }

    /** 老旧营运柴油货车 (decision 0039): the truck's VIN is the old VIN; scrapped only, no invoice and price 0. */
    private static void truck(Claim claim, ClaimViews.TruckItem truck) {
        claim.oldVin = truck.vin();
        claim.truckEmissionStandard = truck.emissionStandard();
        claim.truckClass = truck.vehicleClass();
        claim.operatingLicenceNumber = truck.operatingLicenceNumber();
        claim.scrapCertificateNumber = truck.scrapCertificateNumber();
        claim.newTruck = truck.newTruck();
        claim.newVin = truck.newVin();
        claim.invoiceNumber = truck.invoiceNumber();
        claim.priceFen = truck.priceFen() == null ? 0 : truck.priceFen();
    }

    /** 农机报废更新 (decision 0039): the machine as the farm-machinery certificate names it; price 0. */
    private static void farmMachinery(Claim claim, ClaimViews.FarmMachineryItem machine) {
        claim.scrapCertificateNumber = machine.certificateNumber();
        claim.machineType = machine.machineType();
        claim.machinePowerKw = machine.powerKw();
        claim.priceFen = 0;
    }

    /** The amount and its formula under the claim's rule version; 0 with the reason when not eligible. */
    private static void compute(Claim claim, RuleParameters parameters) {
        SubsidyCalculator.Result result = claim.amountUnder(parameters);
        if (result instanceof SubsidyCalculator.Amount amount) {
            claim.amountFen = amount.amountFen();
            claim.computation = "rule v" + claim.ruleVersion + ": " + amount.formula();
        } else {
            SubsidyCalculator.NotEligible no = (SubsidyCalculator.NotEligible) result;
            claim.amountFen = 0;
            claim.computation = "rule v" + claim.ruleVersion + ": not eligible (" + no.reason() + ")";
        }
    }
}
