package cn.gov.lvliang.renewal.subsidy.claims;

import cn.gov.lvliang.renewal.platform.pii.Masking;
import cn.gov.lvliang.renewal.platform.pii.PiiProtection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The applicant's (申请人) personal data on a claim: encrypted at rest, keyed hashes to match and
 * search by, masked forms to show. The field names are the encryption contexts, also used to
 * decrypt (notices read the phone).
 */
@ApplicationScoped
public class ApplicantData {

    static final String APPLICANT_ID = "claim.applicant_id";
    static final String APPLICANT_NAME = "claim.applicant_name";
    /** The field the applicant's phone is encrypted under (also read by notices). */
    public static final String APPLICANT_PHONE = "claim.applicant_phone";

    static final String BANK_ACCOUNT = "claim.bank_account";
    static final String DELIVERY_ADDRESS = "claim.delivery_address";
    /** Domain separation of the claimant pseudonym from the matching hash of the ID number. */
    private static final String PSEUDONYM_PREFIX = "subsidy-claimant:";
    /** Domain separation of the phone's search hash. */
    private static final String PHONE_HASH_PREFIX = "subsidy-phone:";
    /** Domain separation of the bank account's matching hash. */
    private static final String BANK_ACCOUNT_HASH_PREFIX = "subsidy-bank-account:";

    /** Domain separation of an organisation applicant's credit code from ID numbers (decision 0039). */
    private static final String ORGANISATION_PREFIX = "organisation:";

    private final PiiProtection pii;

    public ApplicantData(PiiProtection pii) {
        this.pii = pii;
    }

    /** The applicant's personal data: encrypted, keyed hashes to match on, masked forms to show. */
    void fill(Claim claim, ClaimViews.Applicant applicant) {
        String idNumber = applicant.idNumber();
        if (applicant.creditCode() != null) {
            // an organisation (decision 0039): its keyed hash, domain-separated from ID numbers'
            claim.applicantCreditCode = applicant.creditCode();
            claim.applicantIdMasked = applicant.creditCode();
            claim.applicantIdEncrypted = pii.encrypt(applicant.creditCode(), APPLICANT_ID);
            idNumber = ORGANISATION_PREFIX + applicant.creditCode();
        } else {
            claim.applicantIdMasked = Masking.idNumber(idNumber);
            claim.applicantIdEncrypted = pii.encrypt(idNumber, APPLICANT_ID);
        }
        claim.applicantIdHash = pii.hash(idNumber);
        claim.applicantNameEncrypted = pii.encrypt(applicant.name(), APPLICANT_NAME);
        claim.applicantNameMasked = Masking.name(applicant.name());
        if (applicant.phone() != null) {
            setPhone(claim, applicant.phone());
        }
        setBankAccount(claim, applicant.bankAccount());
        claim.claimantPseudonym = pii.hash(PSEUDONYM_PREFIX + idNumber);
    }

    void setPhone(Claim claim, String phone) {
        claim.applicantPhoneEncrypted = pii.encrypt(phone, APPLICANT_PHONE);
        claim.applicantPhoneHash = phoneHash(pii, phone);
    }

    void setBankAccount(Claim claim, String bankAccount) {
        claim.bankAccountEncrypted = pii.encrypt(bankAccount, BANK_ACCOUNT);
        claim.bankAccountMasked = Masking.phone(bankAccount);
        claim.bankAccountHash = bankAccountHash(pii, bankAccount);
    }

    /** An appliance's delivery address (送货地址), stripped: encrypted, and hashed for the concentration flag. */
    void setDeliveryAddress(Claim claim, String deliveryAddress) {
        String address = deliveryAddress.strip();
        claim.deliveryAddressHash = pii.hash(address);
        claim.deliveryAddressEncrypted = pii.encrypt(address, DELIVERY_ADDRESS);
    }

    /** The keyed hash claims paying into one bank account are matched by (decision 0038). */
    static String bankAccountHash(PiiProtection pii, String bankAccount) {
        return pii.hash(BANK_ACCOUNT_HASH_PREFIX + bankAccount);
    }

    /** The keyed hash a phone is searched by; domain-separated from the ID number's hash. */
    static String phoneHash(PiiProtection pii, String phone) {
        return pii.hash(PHONE_HASH_PREFIX + phone);
    }
}
