package cn.gov.lvliang.renewal.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Services talk only through Kafka events and public APIs, never through each other's code: no
 * service module depends on another service module, and the shared platform depends on none.
 */
class ModuleBoundariesTest {

    private static final String ROOT = "cn.gov.lvliang.renewal";

    /** Service module → its base package. */
    static final Map<String, String> SERVICES = Map.of(
            "tasks-service", ROOT + ".tasks",
            "equipment-inventory-service", ROOT + ".equipment",
            "tradein-subsidy-service", ROOT + ".subsidy",
            "recycling-service", ROOT + ".recycling",
            "gateway", ROOT + ".gateway",
            // the web console reaches the services only through the gateway's public API (decision 0020)
            "console", ROOT + ".console");

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void theImportSeesEveryServiceItChecks() {
        for (String module : List.of(
                "tasks-service",
                "equipment-inventory-service",
                "tradein-subsidy-service",
                "recycling-service",
                "console")) {
            assertThat(CLASSES.stream().anyMatch(c -> c.getPackageName().startsWith(SERVICES.get(module))))
                    .as("classes of %s on the test classpath", module)
                    .isTrue();
        }
    }

    @Test
    void noServiceUsesAnotherServicesClasses() {
        SERVICES.forEach((module, pkg) -> {
            String[] others = SERVICES.entrySet().stream()
                    .filter(e -> !e.getKey().equals(module))
                    .map(e -> e.getValue() + "..")
                    .toArray(String[]::new);
            noClasses()
                    .that()
                    .resideInAPackage(pkg + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(others)
                    .allowEmptyShould(true)
                    .because(module + " may reach other services only through events and public APIs")
                    .check(CLASSES);
        });
    }

    @Test
    void thePlatformDependsOnNoService() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".platform..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        SERVICES.values().stream().map(p -> p + "..").toArray(String[]::new))
                .because("platform/ holds cross-cutting mechanisms, not domain logic")
                .check(CLASSES);
    }

    /**
     * Words of the programme's domain, which no class or method of the platform names ("claim" is
     * left out: a token's claims are the platform's).
     */
    static final String DOMAIN_WORDS = "(?i).*(subsid|certificate|equipment|indicator|programme|budget|disposal|recycl"
            + "|tradein|trade_in|scrap|batter|vehicle|appliance|dismantl).*";

    @Test
    void thePlatformNamesNoDomain() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".platform..")
                .should()
                .haveNameMatching(DOMAIN_WORDS)
                .because("platform/ holds cross-cutting mechanisms, not domain logic")
                .check(CLASSES);
        noMethods()
                .that()
                .areDeclaredInClassesThat()
                .resideInAPackage(ROOT + ".platform..")
                .should()
                .haveNameMatching(DOMAIN_WORDS)
                .because("platform/ holds cross-cutting mechanisms, not domain logic")
                .check(CLASSES);
    }

    @Test
    void noServicePomDeclaresAnotherService() throws Exception {
        Path root = Path.of(System.getProperty("suite.root", ".."));
        Pattern artifact = Pattern.compile("<artifactId>([^<]+)</artifactId>");
        for (String module : SERVICES.keySet()) {
            Path pom = root.resolve(module).resolve("pom.xml");
            if (!Files.exists(pom)) {
                continue;
            }
            String xml = Files.readString(pom);
            String dependencies = xml.contains("<dependencies>")
                    ? xml.substring(xml.indexOf("<dependencies>"), xml.lastIndexOf("</dependencies>"))
                    : "";
            Matcher m = artifact.matcher(dependencies);
            while (m.find()) {
                assertThat(SERVICES.keySet())
                        .as("%s declares a dependency on %s", module, m.group(1))
                        .doesNotContain(m.group(1));
            }
        }
    }
}
