package com.titan.webhooks.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.titan.webhooks.domain.event.ProviderEvent;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
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
    private static final String DECODING_ADAPTER = "..adapter.out.decoding..";
    private static final String PERSISTENCE_ADAPTER = "..adapter.out.persistence..";
    private static final String DRIVING_ADAPTERS = "..adapter.in..";
    private static final String DRIVEN_ADAPTERS = "..adapter.out..";
    private static final String INBOUND_PORTS = "..application.port.in..";
    private static final String OUTBOUND_PORTS = "..application.port.out..";
    private static final String SERVICES = "..application.service..";
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
            .layer("DecodingAdapter").definedBy(DECODING_ADAPTER)
            .layer("PersistenceAdapter").definedBy(PERSISTENCE_ADAPTER)
            .layer("AmqpInAdapter").definedBy(AMQP_IN)
            .layer("AmqpOutAdapter").definedBy(AMQP_OUT)
            .layer("Bootstrap").definedBy(BOOTSTRAP)
            .whereLayer("Bootstrap").mayNotBeAccessedByAnyLayer()
            .whereLayer("HttpAdapter").mayOnlyBeAccessedByLayers("Bootstrap")
            .whereLayer("DecodingAdapter").mayOnlyBeAccessedByLayers("Bootstrap")
            .whereLayer("PersistenceAdapter").mayOnlyBeAccessedByLayers("Bootstrap")
            .whereLayer("AmqpInAdapter").mayOnlyBeAccessedByLayers("Bootstrap")
            .whereLayer("AmqpOutAdapter").mayOnlyBeAccessedByLayers("Bootstrap")
            .whereLayer("Application").mayOnlyBeAccessedByLayers("HttpAdapter", "DecodingAdapter", "PersistenceAdapter",
                    "AmqpInAdapter", "AmqpOutAdapter", "Bootstrap")
            .whereLayer("Domain").mayOnlyBeAccessedByLayers("Application", "HttpAdapter", "DecodingAdapter",
                    "PersistenceAdapter", "AmqpInAdapter", "AmqpOutAdapter", "Bootstrap");
    }

    static final ArchRule EVERY_CLASS_IN_A_LAYER = classes()
            .should().resideInAnyPackage(DOMAIN, APPLICATION, HTTP_ADAPTER, DECODING_ADAPTER, PERSISTENCE_ADAPTER, AMQP_IN,
                    AMQP_OUT, BOOTSTRAP)
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

    static final ArchRule ADAPTERS_USE_PORTS_NOT_SERVICES = noClasses()
            .that().resideInAPackage("..adapter..")
            .should().dependOnClassesThat().resideInAPackage(SERVICES)
            .because("an adapter reaches the application through its ports only; which service answers is"
                    + " bootstrap's choice, and a test can put a fake in its place");

    static final ArchRule DRIVING_ADAPTERS_USE_USE_CASES = noClasses()
            .that().resideInAPackage(DRIVING_ADAPTERS)
            .should().dependOnClassesThat().resideInAPackage(OUTBOUND_PORTS)
            .because("a driving adapter asks a use case; the stores behind the use cases are the application's business");

    static final ArchRule DRIVEN_ADAPTERS_DRIVE_NOTHING = noClasses()
            .that().resideInAPackage(DRIVEN_ADAPTERS)
            .should().dependOnClassesThat().resideInAPackage(INBOUND_PORTS)
            .because("a driven adapter serves the application; one that calls a use case turns the hexagon inside out");

    static final ArchRule PORTS_DO_NOT_MIX = noClasses()
            .that().resideInAPackage(INBOUND_PORTS)
            .should().dependOnClassesThat().resideInAPackage(OUTBOUND_PORTS)
            .orShould().dependOnClassesThat().resideInAPackage(SERVICES)
            .because("a use case's signature is all its caller sees: values both sides share live in"
                    + " application.port, never in the outbound ports or the services");

    static final ArchRule OUTBOUND_PORTS_ARE_IMPLEMENTED_BY_ADAPTERS = classes()
            .that(are("an implementation of an outbound port", c -> !c.isInterface()
                    && c.getAllRawInterfaces().stream().anyMatch(i -> i.getPackageName().contains(".application.port.out"))))
            .should().resideInAnyPackage(DRIVEN_ADAPTERS, BOOTSTRAP)
            .because("an outbound port is there to be replaced: implemented inside the core, nothing could replace it");

    static final ArchRule RESOURCES_ARE_NAMED_FOR_THEIR_NOUN = classes()
            .that().areAnnotatedWith("jakarta.ws.rs.Path")
            .should().haveSimpleNameEndingWith("Resource")
            .andShould().resideInAPackage(HTTP_ADAPTER)
            .because("a reader finds every route of the API in the HTTP adapter, as <Noun>Resource");

    static final ArchRule API_RESOURCES_REQUIRE_THE_TOKEN = classes()
            .that().areAnnotatedWith("jakarta.ws.rs.Path")
            .and(are("served under /api", c -> c.tryGetAnnotationOfType("jakarta.ws.rs.Path")
                    .map(path -> String.valueOf(path.get("value").orElse("")).replaceFirst("^/+", "").startsWith("api"))
                    .orElse(false)))
            .should().beAnnotatedWith("com.titan.webhooks.adapter.in.http.ApiTokenRequired")
            .because("the front door's path check is one lock; the resource's own token check is the second,"
                    + " which holds wherever a router reads a path differently");

    private static final java.util.regex.Pattern LITERAL_ROUTE = java.util.regex.Pattern.compile(
            "/[a-z][a-z0-9._-]*(/[a-z][a-z0-9._-]*)*");
    private static final java.util.List<String> HTTP_METHODS = java.util.List.of("GET", "POST", "PUT", "DELETE",
            "PATCH", "HEAD", "OPTIONS").stream().map(name -> "jakarta.ws.rs." + name).toList();

    /**
     * The token rule reads a resource's class-level path, so that path must say where the routes
     * are: a literal prefix, never the root and never a template (a class at "/" with a method at
     * "api/secrets", or one at "/{x: a}pi", would pass it unguarded); and every route is a method
     * with its HTTP method on such a class, never a sub-resource whose path a locator decides.
     */
    static final ArchRule RESOURCE_PATHS_ARE_LITERAL_PREFIXES = classes()
            .that().areAnnotatedWith("jakarta.ws.rs.Path")
            .should(new ArchCondition<JavaClass>("have a class-level @Path that is a literal prefix, not the root") {
                @Override
                public void check(JavaClass resource, ConditionEvents events) {
                    String path = resource.tryGetAnnotationOfType("jakarta.ws.rs.Path")
                            .map(annotation -> String.valueOf(annotation.get("value").orElse(""))).orElse("");
                    if (!LITERAL_ROUTE.matcher(path).matches()) {
                        events.add(SimpleConditionEvent.violated(resource, resource.getName() + " is served at '"
                                + path + "', which is not a literal prefix"));
                    }
                }
            })
            .because("the token rule and a reader both go by a resource's class-level path");

    static final ArchRule ROUTES_ARE_METHODS_OF_RESOURCES = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods()
            .that().areAnnotatedWith("jakarta.ws.rs.Path")
            .or(new DescribedPredicate<com.tngtech.archunit.core.domain.JavaMethod>("are annotated with an HTTP method") {
                @Override
                public boolean test(com.tngtech.archunit.core.domain.JavaMethod method) {
                    return HTTP_METHODS.stream().anyMatch(method::isAnnotatedWith);
                }
            })
            .should(new ArchCondition<com.tngtech.archunit.core.domain.JavaMethod>(
                    "carry an HTTP method, in a class with its own @Path") {
                @Override
                public void check(com.tngtech.archunit.core.domain.JavaMethod method, ConditionEvents events) {
                    boolean routed = HTTP_METHODS.stream().anyMatch(method::isAnnotatedWith);
                    boolean inResource = method.getOwner().isAnnotatedWith("jakarta.ws.rs.Path");
                    if (!routed || !inResource) {
                        events.add(SimpleConditionEvent.violated(method, method.getFullName() + (routed
                                ? " is a route outside a resource with its own @Path"
                                : " is a sub-resource locator: its routes' paths escape the class-level rules")));
                    }
                }
            })
            .because("every route's path is then its class's literal prefix plus its own: what the rules check");

    static final ArchRule NAMES_SAY_THE_DOMAIN = noClasses()
            .should().haveSimpleNameEndingWith("Manager")
            .orShould().haveSimpleNameEndingWith("Helper")
            .orShould().haveSimpleNameEndingWith("Util")
            .orShould().haveSimpleNameEndingWith("Utils")
            .orShould().haveSimpleNameEndingWith("Impl")
            .because("a name says what a type is in the domain (Connection, Card, SignaturePolicy), not which"
                    + " pattern it follows");

    /**
     * A provider event is a record, in a sealed family (an interface whose members the compiler
     * knows) or a family of its own: with {@code applyTo} abstract on the family, a new event
     * without its aggregate's rule does not compile, and the projection registry routes by family.
     */
    static final ArchRule PROVIDER_EVENTS_ARE_RECORDS_IN_SEALED_FAMILIES = classes()
            .that().areAssignableTo(ProviderEvent.class).and().doNotHaveFullyQualifiedName(ProviderEvent.class.getName())
            .should().resideInAPackage(DOMAIN).andShould(beARecordOrASealedInterface())
            .because("an open event family would let an event without its rule compile, and be parked in production");

    private HexagonRules() {
    }

    private static ArchCondition<JavaClass> beARecordOrASealedInterface() {
        return new ArchCondition<>("be a record or a sealed interface") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                boolean sealedFamily = type.isInterface() && type.reflect().isSealed();
                if (!type.isRecord() && !sealedFamily) {
                    events.add(SimpleConditionEvent.violated(type, type.getName()
                            + " is neither a record nor a sealed interface"));
                }
            }
        };
    }

    private static DescribedPredicate<JavaClass> are(String description, java.util.function.Predicate<JavaClass> test) {
        return DescribedPredicate.describe(description, test);
    }
}
