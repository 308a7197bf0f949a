package cn.gov.lvliang.renewal.platform.events.directory;

/**
 * tasks-service's {@value #TYPE}: a county or another implementing unit (吕梁新区, a development
 * zone) of the organisation directory as it now is (docs/events/tasks-service.md); the services keep
 * it in their read model ({@link DirectoryCounty}).
 *
 * @param kind {@code COUNTY}, {@code NEW_DISTRICT} or {@code DEVELOPMENT_ZONE}
 */
public record CountyChanged(String code, String name, String kind, String change, int version) {

    public static final String TYPE = "cn.gov.lvliang.tasks.organisation.county-changed.v1";
}
