package cn.gov.lvliang.renewal.platform.events.directory;

/**
 * tasks-service's {@value #TYPE}: a department of the organisation directory as it now is
 * (docs/events/tasks-service.md); the services keep it in their read model ({@link DirectoryDepartment}).
 */
public record DepartmentChanged(String code, String name, String kind, String change, int version) {

    public static final String TYPE = "cn.gov.lvliang.tasks.organisation.department-changed.v1";
}
