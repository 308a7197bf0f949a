/**
 * The operator's resources every service has, written once: its audit trail
 * ({@link cn.gov.lvliang.renewal.platform.operations.AuditRecordsResource}) and its dead letters
 * ({@link cn.gov.lvliang.renewal.platform.operations.DeadLettersResource}). A service subclasses each
 * with only its {@code @Path} and {@code @Audited}; paths, operationIds and roles stay the same in
 * every service (decision 0036). {@link
 * cn.gov.lvliang.renewal.platform.operations.DepartmentResponsibilities} holds what equipment,
 * subsidy and recycling share of their responsibility resources (decision 0042).
 */
package cn.gov.lvliang.renewal.platform.operations;
