package cn.gov.lvliang.renewal.equipment.units;

/**
 * A project unit's county or sector may have changed (fired in the change's transaction): the
 * register moves the unit's equipment with it, since scoping and aggregates read them there.
 */
public record UnitChanged(long unitId, String county, String sectorCode) {}
