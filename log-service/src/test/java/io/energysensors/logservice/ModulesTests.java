package io.energysensors.logservice;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.energysensors.logservice.ingest.EventsStored;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The feature packages (ingest, events, clusters, dashboard, storage, ...) form an acyclic graph
 * (Spring Modulith), and the two seams the design rests on stay the only way across them.
 */
class ModulesTests {

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackagesOf(LogServiceApplication.class);

    @Test
    void featurePackagesFormNoCycleAndUseOnlyEachOthersTopLevelTypes() {
        ApplicationModules.of(LogServiceApplication.class).verify();
    }

    @Test
    void clusteringHearsOfStoredEventsOnlyThroughTheAfterCommitEvent() {
        noClasses()
                .that()
                .resideInAPackage("..logservice.clusters..")
                .should()
                .dependOnClassesThat(
                        resideInAPackage("..logservice.ingest..").and(not(equivalentTo(EventsStored.class))))
                .because("ingest and clustering meet only at the EventsStored event, published as events commit")
                .check(SERVICE);
    }

    @Test
    void storedEventsKnowNothingOfWhoWritesClustersOrShowsThem() {
        noClasses()
                .that()
                .resideInAPackage("..logservice.events..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..logservice.ingest..", "..logservice.clusters..", "..logservice.dashboard..")
                .because("clustering hands its labels to events through the CurrentLabels interface")
                .check(SERVICE);
    }
}
