package cn.gov.lvliang.renewal.subsidy.claims;

import cn.gov.lvliang.renewal.platform.paging.Page;
import cn.gov.lvliang.renewal.platform.pii.PiiProtection;
import cn.gov.lvliang.renewal.platform.problem.Problems;
import cn.gov.lvliang.renewal.platform.security.Caller;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimViews.ClaimView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.Map;

/**
 * 申请查询: finds claims by old or new VIN, invoice number, scrap-certificate number, or the
 * applicant's ID number or phone. The ID number and phone are matched through their keyed hashes,
 * never a plaintext column; the answer is the caller's scope only, masked, as in the claim list.
 */
@ApplicationScoped
public class ClaimSearch {

    /** What to search by; the given criteria must all match, at least one is required. */
    public record Criteria(String vin, String invoiceNumber, String certificateNumber, String idNumber, String phone) {

        boolean isEmpty() {
            return vin == null
                    && invoiceNumber == null
                    && certificateNumber == null
                    && idNumber == null
                    && phone == null;
        }
    }

    private final PiiProtection pii;
    private final ClaimQueries claims;

    public ClaimSearch(PiiProtection pii, ClaimQueries claims) {
        this.pii = pii;
        this.claims = claims;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ClaimView> search(Criteria criteria, Caller caller, int page, int size) {
        if (criteria.isEmpty()) {
            throw Problems.invalidField("vin", null, "field.required");
        }
        ClaimScope scope = ClaimScope.readable(caller);
        StringBuilder query = new StringBuilder(scope.condition());
        Map<String, Object> parameters = new HashMap<>(scope.parameters());
        if (criteria.vin() != null) {
            query.append(" and (oldVin = :vin or newVin = :vin)");
            parameters.put("vin", criteria.vin());
        }
        if (criteria.invoiceNumber() != null) {
            // a claim of items (家装厨卫, 适老化) keeps its first item's invoice on the claim, each item's
            // on the item: both are searched, each from its own index (V12, V28)
            query.append(" and id in (select c.id from Claim c where c.invoiceNumber = :invoice"
                    + " union select i.claimId from ClaimHomeItem i where i.invoiceNumber = :invoice)");
            parameters.put("invoice", criteria.invoiceNumber());
        }
        if (criteria.certificateNumber() != null) {
            query.append(" and scrapCertificateNumber = :certificate");
            parameters.put("certificate", criteria.certificateNumber());
        }
        if (criteria.idNumber() != null) {
            query.append(" and applicantIdHash = :idHash");
            parameters.put("idHash", pii.hash(criteria.idNumber()));
        }
        if (criteria.phone() != null) {
            query.append(" and applicantPhoneHash = :phoneHash");
            parameters.put("phoneHash", ApplicantData.phoneHash(pii, criteria.phone()));
        }
        return claims.listed(query.toString(), parameters, page, size);
    }
}
