package cn.gov.lvliang.renewal.subsidy.claims;

import java.util.List;

/**
 * 同一收款账户 / 同一手机号: many claims paying into one bank account or giving one phone are a
 * sign of a ring filing in other people's names (decision 0038). Plain Java: the claims sharing the
 * contact are found by {@link ClaimVerifier}; this rule decides and words the evidence.
 */
final class SharedContactRule {

    /** At most this many claim numbers are named in the evidence; the count is always exact. */
    static final int NAMED_AT_MOST = 20;

    /** What is shared: the check's code (also the flag) and how the evidence names the contact. */
    enum Contact {
        BANK_ACCOUNT("SHARED_BANK_ACCOUNT", "pay into this bank account"),
        PHONE("SHARED_PHONE", "give this phone");

        final String code;
        final String wording;

        Contact(String code, String wording) {
            this.code = code;
            this.wording = wording;
        }
    }

    private SharedContactRule() {}

    /**
     * Flags the claim when it and the {@code others} are more than {@code maxClaims}.
     *
     * @param others the numbers of the other live claims sharing the contact within the period, the
     *     first {@link #NAMED_AT_MOST} of them at most
     * @param otherCount how many other live claims share it
     */
    static CheckResult evaluate(Contact contact, List<String> others, long otherCount, int maxClaims, int periodDays) {
        long claims = otherCount + 1;
        String counted = claims + " claim(s) within " + periodDays + " days " + contact.wording + " (keyed hash)";
        if (claims > maxClaims) {
            String named = String.join(", ", others)
                    + (otherCount > others.size() ? " and " + (otherCount - others.size()) + " more" : "");
            return CheckResult.flagged(contact.code, counted + ", more than " + maxClaims + ": this one and " + named);
        }
        return CheckResult.passed(contact.code, counted + ", at most " + maxClaims);
    }
}
