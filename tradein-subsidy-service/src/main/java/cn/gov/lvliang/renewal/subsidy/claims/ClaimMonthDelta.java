package cn.gov.lvliang.renewal.subsidy.claims;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A change of the monthly totals not yet folded into {@link ClaimMonthTotal} (V24). */
@Entity
@Table(name = "claim_month_delta")
public class ClaimMonthDelta extends ClaimMonthFigures {}
