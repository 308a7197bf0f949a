package cn.gov.lvliang.renewal.subsidy.publicstatus;

import cn.gov.lvliang.renewal.platform.problem.ProblemException;
import cn.gov.lvliang.renewal.subsidy.appeals.Appeal;
import cn.gov.lvliang.renewal.subsidy.appeals.AppealService;
import cn.gov.lvliang.renewal.subsidy.claims.Claim;
import cn.gov.lvliang.renewal.subsidy.claims.ClaimStatus;
import cn.gov.lvliang.renewal.subsidy.claims.ReasonCode;
import cn.gov.lvliang.renewal.subsidy.programmes.Programme;
import cn.gov.lvliang.renewal.subsidy.publicstatus.PublicStatusViews.ClaimStatusAnswer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

/** The applicant's side without a token: the status lookup and the appeal (申请人查询与复核). */
@ApplicationScoped
public class PublicStatusService {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final Map<ClaimStatus, String> STATUS = new EnumMap<>(Map.of(
            ClaimStatus.SUBMITTED, "已受理",
            ClaimStatus.VERIFYING, "核验中",
            ClaimStatus.PENDING_REVIEW, "审核中",
            ClaimStatus.QUEUED, "审核通过，等待资金",
            ClaimStatus.APPROVED, "审核通过",
            ClaimStatus.PAID, "已拨付",
            ClaimStatus.REJECTED, "未通过",
            ClaimStatus.WITHDRAWN, "已撤回",
            ClaimStatus.RETURNED, "退回补正",
            ClaimStatus.APPEALED, "复核中"));

    private final ApplicantVerification verification;
    private final AppealService appeals;

    public PublicStatusService(ApplicantVerification verification, AppealService appeals) {
        this.verification = verification;
        this.appeals = appeals;
    }

    /** 申请进度查询. */
    @Transactional(dontRollbackOn = ProblemException.class)
    public ClaimStatusAnswer status(String claimNumber, String idNumber) {
        return answer(verification.verify(claimNumber, idNumber));
    }

    /** 申请人申请复核: the same proof, then an appeal like the filer's. */
    @Transactional(dontRollbackOn = ProblemException.class)
    public ClaimStatusAnswer appeal(String claimNumber, String idNumber, String reason) {
        Claim claim = verification.verify(claimNumber, idNumber);
        appeals.appealAsApplicant(claim, reason);
        return answer(claim);
    }

    /**
     * The applicant's claim, for new evidence during its appeal (复核补充材料): the same proof and
     * lockout as the status lookup. The evidence service then requires the claim to be APPEALED.
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    public Claim verifiedClaim(String claimNumber, String idNumber) {
        return verification.verify(claimNumber, idNumber);
    }

    private ClaimStatusAnswer answer(Claim claim) {
        Programme programme = Programme.findById(claim.programmeId);
        LocalDate appealBy =
                appeals.appealableUntil(claim).map(PublicStatusService::day).orElse(null);
        boolean reasonShown = claim.status == ClaimStatus.REJECTED
                || claim.status == ClaimStatus.RETURNED
                || claim.status == ClaimStatus.APPEALED;
        return new ClaimStatusAnswer(
                claim.claimNumber,
                claim.status,
                STATUS.get(claim.status),
                programme.name,
                claim.amountFen,
                reasonShown ? ApplicantTexts.reason(claim.reasonCode) : null,
                day(claim.submittedAt),
                day(claim.reviewedAt),
                day(claim.paidAt),
                appealBy,
                nextStep(claim, appealBy));
    }

    private String nextStep(Claim claim, LocalDate appealBy) {
        return switch (claim.status) {
            case SUBMITTED, VERIFYING -> "申请已受理，正在核验，请耐心等待。";
            case PENDING_REVIEW -> "申请正在审核中，请耐心等待审核结果。";
            case QUEUED -> "审核已通过，正在等待补贴资金下达，资金到位后按顺序拨付。";
            case APPROVED -> "审核已通过，补贴将拨付到您登记的银行账户。";
            case PAID -> "补贴已拨付，请查看您登记的银行账户。";
            case RETURNED -> "申请被退回补正，请联系为您办理的商家或县级经办窗口，按原因修改后重新提交。";
            case WITHDRAWN -> "申请已撤回，如需补贴请重新申请。";
            case APPEALED -> {
                Appeal appeal = appeals.of(claim.id);
                yield "复核申请已受理，将于" + day(appeal.decisionDue) + "前作出复核决定。";
            }
            case REJECTED -> appealBy != null ? "如对结果有异议，可在" + appealBy + "前申请复核（每件申请可复核一次）。" : "申请未通过，复核期限已过或已复核。";
        };
    }

    private static LocalDate day(Instant at) {
        return at == null ? null : LocalDate.ofInstant(at, CHINA);
    }

    /** Chinese texts of the reason codes, for the applicant. */
    static final class ApplicantTexts {

        private static final Map<ReasonCode, String> REASONS = new EnumMap<>(ReasonCode.class);

        static {
            REASONS.put(ReasonCode.GRADE_NOT_ELIGIBLE, "能效等级不符合补贴条件");
            REASONS.put(ReasonCode.PRICE_ABOVE_LIMIT, "价格超过补贴上限");
            REASONS.put(ReasonCode.CATEGORY_NOT_COVERED, "品类不在补贴范围内");
            REASONS.put(ReasonCode.POWER_TYPE_NOT_COVERED, "新车动力类型不在补贴范围内");
            REASONS.put(ReasonCode.DISPLACEMENT_ABOVE_LIMIT, "燃油车排量超过限制");
            REASONS.put(ReasonCode.PER_PERSON_LIMIT_REACHED, "超过个人限购数量");
            REASONS.put(ReasonCode.INVOICE_ALREADY_USED, "发票已被其他申请使用");
            REASONS.put(ReasonCode.SERIAL_ALREADY_USED, "产品序列号已被其他申请使用");
            REASONS.put(ReasonCode.CERTIFICATE_NOT_VALID, "报废机动车回收证明不存在或已作废");
            REASONS.put(ReasonCode.CERTIFICATE_ALREADY_USED, "报废机动车回收证明已被其他申请使用");
            REASONS.put(ReasonCode.VIN_MISMATCH, "车辆识别代号不符");
            REASONS.put(ReasonCode.OWNER_MISMATCH, "车主身份不符");
            REASONS.put(ReasonCode.REGISTERED_AFTER_CUTOFF, "旧车登记日期晚于规定日期");
            REASONS.put(ReasonCode.NEW_CAR_ALREADY_SUBSIDISED, "新车已享受过补贴");
            REASONS.put(ReasonCode.REPLACEMENT_LIMIT_REACHED, "超过每人每年置换补贴次数");
            REASONS.put(ReasonCode.TRUCK_NOT_COVERED, "货车类别、排放标准或新车动力不在补贴范围");
            REASONS.put(ReasonCode.MACHINE_NOT_COVERED, "农机种类或功率不在补贴范围");
            REASONS.put(ReasonCode.MACHINE_MISMATCH, "农机种类或功率与回收证明不符");
            REASONS.put(ReasonCode.HOUSEHOLD_LIMIT_REACHED, "已达到每户累计补贴上限");
            REASONS.put(ReasonCode.APPLICATION_DEADLINE_PASSED, "超过申请截止日期");
            REASONS.put(ReasonCode.EVIDENCE_INSUFFICIENT, "申请材料不全或不清晰");
            REASONS.put(ReasonCode.DATA_INCORRECT, "申请信息有误");
            REASONS.put(ReasonCode.SUSPECTED_FRAUD, "申请信息需进一步核实");
            REASONS.put(ReasonCode.BUDGET_EXHAUSTED, "补贴资金已用完");
            REASONS.put(ReasonCode.PAYMENT_FAILED, "拨付失败（如银行账户有误）");
            REASONS.put(ReasonCode.OTHER, "其他原因，请咨询经办窗口");
        }

        private ApplicantTexts() {}

        static String reason(ReasonCode code) {
            return code == null ? null : REASONS.get(code);
        }
    }
}
