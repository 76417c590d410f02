package io.energysensors.clustering;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The algorithm is plain Java: it knows nothing of Spring, HTTP, JPA or JSON, nor where its
 * points come from; Commons Math gives it random numbers and its exceptions.
 */
@AnalyzeClasses(packages = "io.energysensors.clustering", importOptions = ImportOption.DoNotIncludeTests.class)
class PlainJavaTests {

    @ArchTest
    static final ArchRule knowsNothingOfSpringJakartaOrJackson = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "jakarta..",
                    "javax.servlet..",
                    "javax.persistence..",
                    "tools.jackson..",
                    "com.fasterxml.jackson..");

    @ArchTest
    static final ArchRule usesOnlyTheJdkAndCommonsMath = classes()
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("io.energysensors.clustering..", "java..", "org.apache.commons.math3..");
}
