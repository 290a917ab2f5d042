package com.titan.webhooks.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

/**
 * The hexagon's dependency rule as ArchUnit rules. Kept apart from the test classes so that the
 * same rule objects run on the real code ({@link HexagonArchitectureTest}) and on deliberately
 * wrong fixtures ({@link RulesBiteTest}).
 */
final class HexagonRules {

    private static final String DOMAIN = "..domain..";
    private static final String APPLICATION = "..application..";
    private static final String HTTP_ADAPTER = "..adapter.in.http..";
    private static final String PERSISTENCE_ADAPTER = "..adapter.out.persistence..";
    private static final String AMQP_IN = "..adapter.in.amqp..";
    private static final String AMQP_OUT = "..adapter.out.amqp..";
    private static final String BOOTSTRAP = "..bootstrap..";

    static final ArchRule CORE_USES_NO_FRAMEWORK = noClasses()
            .that().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "org.glassfish..", "org.jdbi..",
                    "com.fasterxml..", "java.sql..", "javax.sql..", "com.zaxxer..", "org.flywaydb..")
            .because("the domain and the use cases must run and be tested without any framework");

    static final ArchRule LAYERS = layers()
            .because("adapters depend inwards only, never on each other; only bootstrap knows them all");

    /** A fresh copy of the layer rule; every layer must have classes unless made optional. */
    static LayeredArchitecture layers() {
        return layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Domain").definedBy(DOMAIN)
            .layer("Application").definedBy(APPLICATION)
            .layer("HttpAdapter").definedBy(HTTP_ADAPTER)
            .layer("PersistenceAdapter").definedBy(PERSISTENCE_ADAPTER)
            .layer("AmqpAdapter").definedBy(AMQP_IN, AMQP_OUT)
            .layer("Bootstrap").definedBy(BOOTSTRAP)
            .whereLayer("Bootstrap").mayNotBeAccessedByAnyLayer()
            .whereLayer("HttpAdapter").mayOnlyBeAccessedByLayers("Bootstrap")
            .whereLayer("PersistenceAdapter").mayOnlyBeAccessedByLayers("Bootstrap")
            .whereLayer("AmqpAdapter").mayOnlyBeAccessedByLayers("Bootstrap")
            .whereLayer("Application").mayOnlyBeAccessedByLayers("HttpAdapter", "PersistenceAdapter", "AmqpAdapter",
                    "Bootstrap")
            .whereLayer("Domain").mayOnlyBeAccessedByLayers("Application", "HttpAdapter", "PersistenceAdapter",
                    "AmqpAdapter", "Bootstrap");
    }

    static final ArchRule EVERY_CLASS_IN_A_LAYER = classes()
            .should().resideInAnyPackage(DOMAIN, APPLICATION, HTTP_ADAPTER, PERSISTENCE_ADAPTER, AMQP_IN, AMQP_OUT, BOOTSTRAP)
            .because("a class outside every layer (or in a misspelt package) would escape the layer rules");

    /**
     * The RabbitMQ adapter is the worked example of a second transport: it needs the application's
     * ports, RabbitMQ's own client and a logger, nothing of the HTTP stack, JSON library or store.
     */
    static final ArchRule AMQP_ADAPTER_NEEDS_ONLY_APPLICATION_AND_ITS_CLIENT = classes()
            .that().resideInAnyPackage(AMQP_IN, AMQP_OUT)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.rabbitmq..", APPLICATION, DOMAIN,
                    AMQP_IN, AMQP_OUT, "org.slf4j..")
            .because("an adapter depends on application (and through it domain) and its own client library only");

    static final ArchRule NO_PACKAGE_CYCLES = slices()
            .matching("com.titan.webhooks.(**)")
            .should().beFreeOfCycles()
            .because("a cycle makes two packages one, whatever their names say");

    static final ArchRule PORTS_ARE_INTERFACES = classes()
            .that().resideInAnyPackage("..application.port.in..", "..application.port.out..")
            .and(are("a port type (not a record, enum, enum constant body or exception)", c -> !c.isRecord()
                    && !c.isEnum() && !c.isAnonymousClass() && !c.isAssignableTo(Throwable.class)))
            .should().beInterfaces()
            .because("a port is a contract an adapter implements; commands and results beside it are values");

    static final ArchRule USE_CASES_LIVE_IN_APPLICATION = classes()
            .that().haveSimpleNameEndingWith("UseCase")
            .should().resideInAPackage("..application.port.in..")
            .andShould().beInterfaces()
            .because("inbound ports are the application's interfaces, driven by any adapter");

    private HexagonRules() {
    }

    private static DescribedPredicate<JavaClass> are(String description, java.util.function.Predicate<JavaClass> test) {
        return DescribedPredicate.describe(description, test);
    }
}
