package cn.gov.lvliang.renewal.tasks.messaging;

/**
 * {@value TasksEvents#COUNTY_CHANGED}: the directory's current entry for a county or another
 * implementing unit (吕梁新区, a development zone).
 *
 * @param code the GB/T 2260 code of a county, or the city's code for another unit
 * @param kind {@code COUNTY}, {@code NEW_DISTRICT} or {@code DEVELOPMENT_ZONE}
 * @param change {@code ADDED} or {@code RENAMED}
 * @param version the entry's version; a read model ignores an older one
 */
public record CountyChanged(String code, String name, String kind, String change, int version) {}
