package cn.gov.lvliang.renewal.console.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text of the console (界面文字), in Chinese; English in {@code messages/msg_en.properties}.
 * Templates read them as {@code {msg:name}}; codes from the API (roles, claim states, reason codes,
 * check codes) get their label through one message each with a {@code when} section.
 */
@MessageBundle(value = "msg", locale = "zh-CN")
public interface Msg {

    // ---- frame ----
    @Message("吕梁市设备更新和以旧换新业务系统")
    String appName();

    @Message("跳到正文")
    String skipToContent();

    @Message("主导航")
    String navLabel();

    @Message("领导驾驶舱")
    String navDashboard();

    @Message("审核工作台")
    String navWorkbench();

    @Message("县级受理窗口")
    String navCounter();

    @Message("部门工作台")
    String navDesk();

    @Message("当前用户 {subject}")
    String signedInAs(String subject);

    @Message("退出")
    String signOut();

    @Message("查看")
    String show();

    @Message("返回首页")
    String backHome();

    @Message("{#when r}{#is 'city-admin'}市级管理员{#is 'statistics-bureau'}统计局{#is 'auditor'}审计人员{#is 'reviewer'}审核员"
            + "{#is 'county-officer'}县级经办人员{#is 'department-officer'}部门经办人员{#else}{r}{/when}")
    String role(String r);

    // ---- error pages ----
    @Message("无权访问")
    String error403Title();

    @Message("你的角色不能打开这个页面或查看这项数据。如需访问，请联系市级管理员。")
    String error403Text();

    @Message("未找到")
    String error404Title();

    @Message("没有找到要找的记录或页面：它不存在，或不在你的管辖范围内。")
    String error404Text();

    @Message("系统暂时无法完成请求")
    String errorOtherTitle();

    @Message("后台服务没有给出正常答复，请稍后再试。")
    String errorOtherText();

    @Message("说明：{detail}")
    String errorDetail(String detail);

    // ---- home ----
    @Message("首页")
    String homeTitle();

    @Message("请选择要办理的业务。")
    String homeIntro();

    @Message("2027年目标进展、各县对比、补贴与预算执行、逾期任务")
    String homeDashboard();

    @Message("待审核申请、核验结果、审核决定")
    String homeWorkbench();

    @Message("受理家电或汽车补贴申请，打印回执")
    String homeCounter();

    @Message("我的任务、逾期事项、月度进展报送与审核")
    String homeDesk();

    // ---- sign-in ----
    @Message("登录（本地开发）")
    String signInTitle();

    @Message("本地环境：选择角色和管辖范围即可登录。生产环境通过统一身份认证登录。")
    String signInIntro();

    @Message("角色")
    String signInRole();

    @Message("管辖范围")
    String signInScope();

    @Message("县级经办人员填县级行政区划代码（如 141124）；部门经办人员填部门代码（如 swj）；审核员可填县代码或留空（全市）。")
    String signInScopeHint();

    @Message("用户标识（可选）")
    String signInSubject();

    @Message("留空则为 dev-角色名。两位审核员须用不同标识。")
    String signInSubjectHint();

    @Message("登录")
    String signInButton();

    // ---- dashboard ----
    @Message("指标")
    String dashboardIndicator();

    @Message("下载数据（XLSX）")
    String downloadXlsx();

    @Message("{#when name}{#is 'indicator'}指标进展：轨迹与目标{#is 'counties'}13个县（市、区）对比{#is 'claims'}补贴申请与金额（按项目、月份）"
            + "{#is 'budget'}预算执行（按县、资金来源）{#is 'overdue'}逾期任务（按部门）{#else}{name}{/when}")
    String chartTitle(String name);

    @Message("指标进展")
    String chartIndicator();

    @Message("各县对比")
    String chartCounties();

    @Message("补贴申请与金额")
    String chartClaims();

    @Message("预算执行")
    String chartBudget();

    @Message("逾期任务")
    String chartOverdue();

    @Message("你的角色不能查看这项数据。")
    String chartForbidden();

    @Message("暂无数据。")
    String chartNoData();

    @Message("数据暂时无法读取（{status}）。")
    String chartFailed(int status);

    @Message("节点")
    String colPoint();

    @Message("时间")
    String colDate();

    @Message("目标轨迹")
    String seriesTrajectory();

    @Message("实际值")
    String seriesActual();

    @Message("应达值")
    String seriesExpected();

    @Message("目标值")
    String seriesTarget();

    @Message("基期")
    String pointBaseline();

    @Message("当前")
    String pointNow();

    @Message("目标")
    String pointTarget();

    @Message("区划代码")
    String colCounty();

    @Message("名称")
    String colName();

    @Message("补贴项目")
    String colProgramme();

    @Message("月份")
    String colMonth();

    @Message("申请数")
    String colClaims();

    @Message("申请金额（元）")
    String colClaimedYuan();

    @Message("已支付（元）")
    String colPaidYuan();

    @Message("资金来源")
    String colFundingSource();

    @Message("已拨付（元）")
    String colAllocatedYuan();

    @Message("已预留（元）")
    String colReservedYuan();

    @Message("已入账（元）")
    String colPostedYuan();

    @Message("已使用（元）")
    String colUsedYuan();

    @Message("责任单位")
    String colAssignee();

    @Message("逾期任务数")
    String colOverdue();

    // ---- claims ----
    @Message("县（区划代码）")
    String filterCounty();

    @Message("6位代码，留空为全部")
    String filterCountyHint();

    @Message("补贴项目")
    String filterProgramme();

    @Message("全部")
    String all();

    @Message("风险提示")
    String filterFlag();

    @Message("只看逾期")
    String filterOverdue();

    @Message("筛选")
    String filterApply();

    /** @param total the count, "10000+" when the service stopped counting there */
    @Message("显示 {shown} 件，待审核共 {total} 件")
    String queueCount(int shown, String total);

    @Message("没有符合条件的待审核申请。")
    String queueEmpty();

    @Message("待审核申请")
    String queueCaption();

    @Message("申请编号")
    String claimNumber();

    @Message("补贴金额")
    String claimAmount();

    @Message("提交时间（UTC）")
    String claimSubmittedAt();

    @Message("逾期")
    String claimOverdue();

    @Message("{amount} 元")
    String yuan(String amount);

    @Message("是")
    String yes();

    @Message("否")
    String no();

    @Message("无")
    String none();

    @Message("补贴申请")
    String claimTitle();

    @Message("返回待审核列表")
    String backToQueue();

    @Message("审核决定已保存，申请状态：{msg:status(status)}。")
    String decided(String status);

    @Message("这件申请刚被他人处理或已变更（版本冲突），你的决定没有保存。页面已重新载入最新内容，请核对后再决定。")
    String conflict();

    @Message("不能审核自己提交的申请（审核与提交须由不同人员办理）。")
    String makerChecker();

    @Message("审核与提交须由不同人员办理：你提交的申请不能由你审核。")
    String makerCheckerRule();

    @Message("自动核验结果")
    String checks();

    @Message("第 {n} 轮核验")
    String checkRun(int n);

    @Message("结果")
    String outcomeHeading();

    @Message("原因")
    String reason();

    @Message("依据")
    String evidence();

    @Message("办理记录")
    String history();

    @Message("审核决定")
    String decision();

    @Message("决定")
    String decisionAction();

    @Message("请选择通过、退回或驳回。")
    String decisionActionRequired();

    @Message("（通过时不需要）")
    String reasonNone();

    @Message("说明")
    String note();

    @Message("提交决定")
    String decide();

    @Message("这件申请当前状态为「{msg:status(status)}」，不能审核。")
    String notDecidable(String status);

    @Message("申请信息")
    String claimFacts();

    @Message("状态")
    String claimStatus();

    @Message("规则版本 {v}")
    String ruleVersion(int v);

    @Message("销售企业")
    String seller();

    @Message("申请人")
    String applicant();

    @Message("购买日期")
    String purchaseDate();

    @Message("计算过程")
    String computation();

    @Message("版本")
    String version();

    @Message(
            "{#when s}{#is 'SUBMITTED'}已提交{#is 'VERIFYING'}核验中{#is 'PENDING_REVIEW'}待审核{#is 'QUEUED'}已批准、排队待资金{#is 'APPROVED'}已批准{#is 'PAID'}已支付{#is 'REJECTED'}已驳回{#is 'WITHDRAWN'}已撤回{#is 'RETURNED'}退回补正{#else}{s}{/when}")
    String status(String s);

    @Message(
            "{#when o}{#is 'PASSED'}通过{#is 'FAILED'}未通过{#is 'FLAGGED'}提示风险{#is 'WAITING'}等待{#is 'MANUAL'}人工核验{#else}{o}{/when}")
    String outcome(String o);

    @Message("{#when a}{#is 'approve'}通过{#is 'return'}退回补正{#is 'reject'}驳回{#else}{a}{/when}")
    String action(String a);

    @Message("{#when what}{#is 'submitted'}提交{#is 'checked'}自动核验{#is 'approved'}批准{#is 'paid'}支付{#else}{what}{/when}")
    String historyStep(String what);

    @Message(
            "{#when c}{#is ''}核验项{#is 'ELIGIBILITY'}补贴条件{#is 'INVOICE'}发票{#is 'SERIAL'}序列号{#is 'INVOICE_UNUSED'}发票未被使用{#is 'SERIAL_UNUSED'}序列号未被使用{#is 'CERTIFICATE_UNUSED'}回收证明未被使用{#is 'NEW_VIN_UNUSED'}新车未享受补贴{#is 'PER_PERSON_LIMIT'}个人限购{#is 'PRICE_ANOMALY'}价格异常{#is 'ADDRESS_CONCENTRATION'}送货地址集中{#is 'CERTIFICATE'}回收证明{#is 'CERTIFICATE_EXISTS'}回收证明存在{#is 'CERTIFICATE_VALID'}回收证明有效{#is 'VIN_MATCH'}车架号一致{#is 'OWNER_MATCH'}车主一致{#is 'REGISTRATION_CUTOFF'}登记日期{#is 'OWNED_BEFORE'}持有时间{#is 'NEW_VIN'}新车车架号{#is 'REPLACEMENTS_PER_YEAR'}年度置换次数{#is 'APPLICATION_DEADLINE'}申请截止日期{#else}{c}{/when}")
    String check(String c);

    @Message(
            "{#when r}{#is 'GRADE_NOT_ELIGIBLE'}能效等级不符合{#is 'PRICE_ABOVE_LIMIT'}价格超过上限{#is 'CATEGORY_NOT_COVERED'}品类不在补贴范围{#is 'POWER_TYPE_NOT_COVERED'}新车动力类型不在补贴范围{#is 'DISPLACEMENT_ABOVE_LIMIT'}燃油车排量超限{#is 'PER_PERSON_LIMIT_REACHED'}超过个人限购数量{#is 'INVOICE_ALREADY_USED'}发票已被其他申请使用{#is 'SERIAL_ALREADY_USED'}序列号已被其他申请使用{#is 'CERTIFICATE_NOT_VALID'}回收证明不存在或已作废{#is 'CERTIFICATE_ALREADY_USED'}回收证明已被其他申请使用{#is 'VIN_MISMATCH'}车辆识别代号不符{#is 'OWNER_MISMATCH'}车主身份不符{#is 'REGISTERED_AFTER_CUTOFF'}旧车登记日期晚于截止日期{#is 'NEW_CAR_ALREADY_SUBSIDISED'}新车已享受补贴{#is 'REPLACEMENT_LIMIT_REACHED'}超过每人每年置换次数{#is 'APPLICATION_DEADLINE_PASSED'}超过申请截止日期{#is 'EVIDENCE_INSUFFICIENT'}材料不全或不清{#is 'DATA_INCORRECT'}信息有误{#is 'SUSPECTED_FRAUD'}疑似骗补{#is 'BUDGET_EXHAUSTED'}资金已用完{#is 'PAYMENT_FAILED'}支付失败{#is 'TRUCK_NOT_COVERED'}货车类别、排放标准或新车动力不在补贴范围{#is 'MACHINE_NOT_COVERED'}农机种类或功率不在补贴范围{#is 'MACHINE_MISMATCH'}农机种类或功率与回收证明不符{#is 'HOUSEHOLD_LIMIT_REACHED'}已达到每户累计补贴上限{#is 'OTHER'}其他（须附说明）{#else}{r}{/when}")
    String reasonCode(String r);

    // ---- county counter ----
    @Message("申请类型")
    String counterKinds();

    @Message("家电/数码产品")
    String counterAppliance();

    @Message("汽车")
    String counterCar();

    @Message("申请")
    String counterClaimPart();

    @Message("销售企业统一社会信用代码")
    String counterSeller();

    @Message("18位，见发票")
    String counterSellerHint();

    @Message("姓名")
    String counterName();

    @Message("居民身份证号码")
    String counterIdNumber();

    @Message("手机号码")
    String counterPhone();

    @Message("收款银行账号")
    String counterBankAccount();

    @Message("报废机动车回收证明编号")
    String counterCertificate();

    @Message("报废更新必填；置换更新不填")
    String counterCertificateHint();

    @Message("旧车车辆识别代号")
    String counterOldVin();

    @Message("新车车辆识别代号")
    String counterNewVin();

    @Message("新车动力类型")
    String counterPowerType();

    @Message("燃油车排量（毫升）")
    String counterDisplacement();

    @Message("发票号码")
    String counterInvoice();

    @Message("成交价（元）")
    String counterPrice();

    @Message("产品品类")
    String counterCategory();

    @Message("如 AIR_CONDITIONER、REFRIGERATOR、WASHING_MACHINE、TELEVISION")
    String counterCategoryHint();

    @Message("型号")
    String counterModel();

    @Message("序列号")
    String counterSerial();

    @Message("能效等级（1-5）")
    String counterGrade();

    @Message("送货地址")
    String counterAddress();

    @Message("提交申请")
    String counterFile();

    @Message("受理新申请")
    String counterNew();

    @Message("已受理申请")
    String counterFiled();

    @Message("申请已提交并完成自动核验，当前状态：{msg:status(status)}。")
    String counterFiledText(String status);

    @Message("打印受理回执")
    String counterReceipt();

    @Message("补贴申请受理回执")
    String receiptTitle();

    @Message("你的以旧换新补贴申请已受理。请凭申请编号查询办理进度。")
    String receiptIntro();

    @Message("经办人")
    String receiptClerk();

    @Message("补贴金额以审核结果为准。")
    String receiptNote();

    @Message("打印")
    String receiptPrint();

    @Message("返回申请")
    String receiptBack();

    @Message("请填写以元为单位的金额，最多两位小数。")
    String inputPriceYuan();

    @Message("请填写整数。")
    String inputWholeNumber();

    @Message("{#when p}{#is 'NEV'}新能源汽车{#is 'FUEL'}燃油汽车{#else}{p}{/when}")
    String powerType(String p);

    // ---- department desk ----
    @Message("月度进展已报送。")
    String deskReported();

    @Message("审核意见已保存。")
    String deskReviewed();

    @Message("这份报告刚被他人处理（版本冲突），页面已重新载入。")
    String deskConflict();

    @Message("逾期事项（{n}）")
    String deskOverdue(int n);

    @Message("没有逾期事项。")
    String deskNothingOverdue();

    @Message("任务{n}：{title}")
    String deskTask(Object n, Object title);

    @Message("完成时限 {due}")
    String deskDue(Object due);

    @Message("本部门任务（{n}）")
    String deskOwn(int n);

    @Message("暂无分派给本部门的任务。")
    String deskNoAssignments();

    @Message("任务")
    String deskTaskHeading();

    @Message("完成时限")
    String deskDueHeading();

    @Message("月度进展")
    String deskReport();

    @Message("报送月度进展")
    String deskReportOpen();

    @Message("月份（YYYY-MM）")
    String deskPeriod();

    @Message("本月进展")
    String deskNarrative();

    @Message("完成比例（%）")
    String deskPercent();

    @Message("报送")
    String deskSubmitReport();

    @Message("待审核的县级报告（{n}）")
    String deskToReview(int n);

    @Message("没有待审核的县级报告。")
    String deskNothingToReview();

    @Message("完成比例 {p}%")
    String deskPercentShown(Object p);

    @Message("审核意见")
    String deskComment();

    @Message("通过")
    String deskAccept();

    @Message("退回")
    String deskReturn();

    @Message("有 {n} 处需要更正，见各项下方的说明。")
    String formErrors(int n);

    // ---- equipment lists ----
    @Message("设备清单")
    String navEquipment();

    @Message("下载模板、上传清单（逐行逐列查看错误）、导出清单")
    String homeEquipment();

    @Message("清单")
    String equipmentList();

    @Message("上传清单")
    String equipmentUpload();

    @Message("下载导入模板（XLSX）")
    String equipmentTemplate();

    @Message("填好的清单文件（XLSX 或 CSV）")
    String equipmentFile();

    @Message("有错误行时")
    String equipmentMode();

    @Message("整个文件都不导入")
    String equipmentModeReject();

    @Message("只导入正确的行")
    String equipmentModeAccept();

    @Message("上传并校验")
    String equipmentUploadButton();

    @Message("导出清单")
    String equipmentExport();

    @Message("导出当前清单（XLSX）")
    String equipmentExportLink();

    @Message("导入结果")
    String equipmentReport();

    @Message("请选择要上传的文件。")
    String equipmentNoFile();

    @Message("结果：{status}；共 {total} 行，导入 {accepted} 行，拒绝 {rejected} 行。")
    String equipmentSummary(Object status, Object total, Object accepted, Object rejected);

    @Message("错误（共 {n} 处）")
    String equipmentErrors(Object n);

    @Message("行")
    String equipmentRow();

    @Message("列")
    String equipmentColumn();

    @Message("值")
    String equipmentValue();

    @Message("说明")
    String equipmentMessage();

    // ---- evidence (申请材料) ----
    @Message("申请材料")
    String evidenceTitle();

    @Message("材料齐全情况")
    String evidenceCompleteness();

    @Message("这件申请的规则版本不要求提交材料。")
    String evidenceNoneRequired();

    @Message("材料类型")
    String evidenceKindHeading();

    @Message("状态")
    String evidenceStateHeading();

    @Message("操作")
    String evidenceActionHeading();

    @Message(
            "{#when k}{#is 'APPLICANT_ID'}申请人身份证件{#is 'BANK_ACCOUNT'}银行账户{#is 'INVOICE'}购买发票{#is 'NEW_CAR_INVOICE'}新车购车发票"
                    + "{#is 'SCRAP_CERTIFICATE'}报废机动车回收证明{#is 'DEREGISTRATION_CERTIFICATE'}机动车注销证明{#is 'OLD_CAR_TRANSFER_RECORD'}旧车转让登记"
                    + "{#is 'PRODUCT_PHOTO'}产品照片{#else}{k}{/when}")
    String evidenceKind(String k);

    @Message("{#when s}{#is 'PRESENT'}已提交{#is 'WAIVED'}免予提交{#is 'MISSING'}缺少{#else}{s}{/when}")
    String evidenceState(String s);

    @Message("{n} 份")
    String evidenceDocuments(Object n);

    @Message("选择文件")
    String evidenceFile();

    @Message("上传")
    String evidenceUpload();

    @Message("可上传 PDF、JPEG、PNG、OFD 或数电票 XML，每个文件不超过 10 MB；类型按文件内容识别。")
    String evidenceTypes();

    @Message("请先选择要上传的文件。")
    String evidenceNoFile();

    @Message("材料已上传。")
    String evidenceUploaded();

    @Message("已上传的材料")
    String evidenceDocumentsHeading();

    @Message("尚未上传材料。")
    String evidenceNoDocuments();

    @Message("{size} 字节")
    String evidenceSize(Object size);

    @Message("浏览器不能直接显示，点击下载")
    String evidenceDownloadOnly();

    @Message("免予提交")
    String waive();

    @Message("免予提交的理由")
    String waiverReasonLabel();

    @Message("请选择理由")
    String waiverReasonChoose();

    @Message(
            "{#when r}{#is 'VERIFIED_BY_SYSTEM'}已通过系统核验{#is 'HELD_BY_AUTHORITY'}主管部门已存档{#is 'NOT_APPLICABLE'}不适用{#is 'OTHER'}其他（须说明）{#else}{r}{/when}")
    String waiverReason(String r);

    @Message("确认免予提交")
    String waiveSubmit();

    @Message("已免予提交该项材料。")
    String evidenceWaived();

    // ---- department desk: directory and responsibility ----
    @Message("本部门：{name}（{code}）")
    String deskDepartment(String name, String code);

    @Message("本部门职责范围")
    String deskResponsibility();

    @Message("本部门在各业务系统中的职责分工，以及据此可查看的补贴项目（由市级管理员维护，此处只读）。")
    String deskResponsibilityHint();

    @Message("各业务系统中的职责")
    String deskResponsibilityServices();

    @Message("业务系统")
    String deskServiceHeading();

    @Message("职责范围")
    String deskScopeHeading();

    @Message("{#when s}{#is 'subsidies'}以旧换新补贴{#is 'equipment'}设备更新{#is 'recycling'}报废回收{#else}{s}{/when}")
    String deskService(String s);

    @Message(
            "{#when k}{#is 'subsidies.categories'}补贴项目类别{#is 'equipment.sectors'}行业{#is 'equipment.categories'}设备类别{#is 'recycling.areas'}回收业务{#else}{k}{/when}")
    String deskScopeKind(String k);

    @Message("暂不可用")
    String deskServiceUnavailable();

    @Message("无")
    String deskScopeNone();

    @Message("本部门职责内的补贴项目")
    String deskResponsibilityProgrammes();

    @Message("组织机构目录中没有本部门，暂不能显示职责范围。")
    String deskResponsibilityUnknown();

    @Message("本部门职责内没有补贴项目。")
    String deskResponsibilityNone();

    @Message("项目名称")
    String deskProgrammeName();

    @Message("类别")
    String deskProgrammeCategory();
}
