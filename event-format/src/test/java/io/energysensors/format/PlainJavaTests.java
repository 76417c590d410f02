package io.energysensors.format;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The format is plain Java that any service can use: it knows nothing of Spring, HTTP or JPA, and
 * of Jackson only the streaming API its JSON form is read and written with.
 */
@AnalyzeClasses(packages = "io.energysensors.format", importOptions = ImportOption.DoNotIncludeTests.class)
class PlainJavaTests {

    @ArchTest
    static final ArchRule knowsNothingOfSpringJakartaOrJacksonDatabind = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "jakarta..",
                    "javax.servlet..",
                    "javax.persistence..",
                    "tools.jackson.databind..",
                    "com.fasterxml.jackson..");

    @ArchTest
    static final ArchRule usesOnlyTheJdkJacksonStreamingAndFastDoubleParser = classes()
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "io.energysensors.format..",
                    "java..",
                    "tools.jackson.core..",
                    "ch.randelshofer.fastdoubleparser..");
}
