package cn.gov.lvliang.renewal.subsidy.claims;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** 分项目分月申请汇总: the folded totals of one programme, county and month (V24). */
@Entity
@Table(name = "claim_month_total")
public class ClaimMonthTotal extends ClaimMonthFigures {}
