package cn.gov.lvliang.renewal.subsidy.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of every {@code cn.gov.lvliang.subsidy.claim.*} event but the appeal ones ({@link
 * SubsidyEvents#CLAIM_SUBMITTED} … {@link SubsidyEvents#CLAIM_PAID}); absent fields are omitted. No
 * personal data: the claimant appears only as a keyed pseudonym, never by name, ID number, phone,
 * address or account. Codes are the names of the claims feature's enums.
 *
 * @param category the programme category (CAR_SCRAPPAGE, HOME_APPLIANCE, …)
 * @param status the claim's status after the change
 * @param reasonCode why it was rejected or returned; only on those
 * @param flags the checks' flags; omitted when none
 * @param paymentKind PAYMENT or TOP_UP; only on claim.paid
 * @param paidAt when the treasury paid; only on claim.paid
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClaimEventData(
        UUID claimId,
        String programmeId,
        String category,
        String productCategory,
        String county,
        int ruleVersion,
        String sellerCreditCode,
        String claimantPseudonym,
        long amountFen,
        String status,
        String reasonCode,
        List<String> flags,
        String paymentKind,
        Instant paidAt,
        Instant at) {}
