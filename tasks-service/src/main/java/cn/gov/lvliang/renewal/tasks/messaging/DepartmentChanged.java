package cn.gov.lvliang.renewal.tasks.messaging;

/**
 * {@value TasksEvents#DEPARTMENT_CHANGED}: the directory's current entry for a department, which
 * the other services keep as their read model (decision 0029).
 *
 * @param code the directory code, lower-case (scope claims match it without regard to case)
 * @param kind {@code DEPARTMENT}, {@code COMPANY} or {@code OTHER}
 * @param change {@code ADDED} or {@code RENAMED}
 * @param version the entry's version; a read model ignores an older one
 */
public record DepartmentChanged(String code, String name, String kind, String change, int version) {}
