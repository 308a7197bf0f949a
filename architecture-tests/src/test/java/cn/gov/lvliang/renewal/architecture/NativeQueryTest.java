package cn.gov.lvliang.renewal.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasParameterTypes.Predicates.rawParameterTypes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

/**
 * Native queries are written without a result class. Hibernate 6 caches a native query's plan
 * under a key that holds its result mapping, and a mapping built from a result class never equals
 * the one built by the previous call: every call added one more entry to the query plan cache, all
 * under one hash, and filing a claim spent a fifth of its CPU comparing them (docs/performance.md,
 * "Fixed: every claim added an entry to Hibernate's query plan cache").
 */
class NativeQueryTest {

    @Test
    void noNativeQueryNamesAResultClass() {
        noClasses()
                .should()
                .callMethodWhere(
                        target(name("createNativeQuery")).and(target(rawParameterTypes(String.class, Class.class))))
                .because("a native query with a result class adds an entry to Hibernate's query plan cache on"
                        + " every call; cast the rows instead")
                .check(ModuleBoundariesTest.CLASSES);
    }
}
