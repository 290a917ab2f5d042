package com.titan.webhooks.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * Each rule, shown to fail on a deliberately wrong fixture (in {@code com.titan.webhooks.fixture})
 * and to name the offending class. A rule that passes on anything proves nothing.
 */
class RulesBiteTest {

    private static final String FIXTURES = "com.titan.webhooks.fixture.";

    @Test
    void coreUsesNoFramework_reportsJacksonAndJdbcInTheDomain() {
        EvaluationResult result = evaluate(HexagonRules.CORE_USES_NO_FRAMEWORK, "frameworkincore");
        assertViolationNames(result, "JacksonAnnotatedConnection");
        assertViolationNames(result, "SqlInDomain");
    }

    @Test
    void layers_reportAnAdapterUsingAnotherAdapter() {
        assertViolationNames(evaluate(HexagonRules.LAYERS, "adaptertoadapter"), "ResourceReadingTheDatabase");
    }

    @Test
    void layers_reportTheAmqpAdapterUsingTheStore() {
        assertViolationNames(evaluate(HexagonRules.LAYERS, "amqptostore"), "ConsumerWritingTheStore");
    }

    @Test
    void amqpAdapter_reportsAFrameworkBesidesItsClient() {
        assertViolationNames(evaluate(HexagonRules.AMQP_ADAPTER_NEEDS_ONLY_APPLICATION_AND_ITS_CLIENT, "amqptostore"),
                "ConsumerWritingTheStore");
    }

    @Test
    void layers_reportTheApplicationUsingAnAdapter() {
        assertViolationNames(evaluate(HexagonRules.LAYERS, "coretoadapter"), "ServiceKnowingItsAdapter");
    }

    @Test
    void noPackageCycles_reportsACycle() {
        assertViolationNames(evaluate(HexagonRules.NO_PACKAGE_CYCLES, "cycle"), "First");
    }

    @Test
    void portsAreInterfaces_reportsAConcretePort() {
        assertViolationNames(evaluate(HexagonRules.PORTS_ARE_INTERFACES, "portclass"), "ConcreteConnections");
    }

    @Test
    void everyClassInALayer_reportsAStrayClass() {
        assertViolationNames(evaluate(HexagonRules.EVERY_CLASS_IN_A_LAYER, "unlayered"), "StrayUtil");
    }

    @Test
    void useCasesLiveInApplication_reportsAUseCaseElsewhere() {
        JavaClasses misplaced = new ClassFileImporter().importClasses(MisplacedUseCase.class);
        assertViolationNames(HexagonRules.USE_CASES_LIVE_IN_APPLICATION.evaluate(misplaced), "MisplacedUseCase");
    }

    @Test
    void adaptersUsePortsNotServices_reportsTheReviewsShortcutResource() {
        EvaluationResult result = evaluate(HexagonRules.ADAPTERS_USE_PORTS_NOT_SERVICES, "shortcut");
        assertViolationNames(result, "ShortcutResource");
        // the layer rule alone lets it through: that was the gap
        assertFalse(HexagonRules.layers().withOptionalLayers(true)
                .evaluate(new ClassFileImporter().importPackages(FIXTURES + "shortcut")).hasViolation());
    }

    @Test
    void drivingAdaptersUseUseCases_reportsAResourceReadingAStorePort() {
        assertViolationNames(evaluate(HexagonRules.DRIVING_ADAPTERS_USE_USE_CASES, "storeport"), "ResourceUsingAStorePort");
    }

    @Test
    void drivenAdaptersDriveNothing_reportsAStoreCallingAUseCase() {
        assertViolationNames(evaluate(HexagonRules.DRIVEN_ADAPTERS_DRIVE_NOTHING, "storedriving"), "StoreCallingAUseCase");
    }

    @Test
    void portsDoNotMix_reportsAUseCaseHandingOutAStorePort() {
        assertViolationNames(evaluate(HexagonRules.PORTS_DO_NOT_MIX, "leakyport"), "InspectInboxUseCase");
    }

    @Test
    void outboundPortsAreImplementedByAdapters_reportsAnImplementationInTheCore() {
        assertViolationNames(evaluate(HexagonRules.OUTBOUND_PORTS_ARE_IMPLEMENTED_BY_ADAPTERS, "portimpl"), "InMemoryEventIds");
    }

    @Test
    void resourcesAreNamedForTheirNoun_reportsAnEndpointNamedOtherwise() {
        assertViolationNames(evaluate(HexagonRules.RESOURCES_ARE_NAMED_FOR_THEIR_NOUN, "naming"), "ConnectionEndpoint");
    }

    @Test
    void namesSayTheDomain_reportsAHelper() {
        assertViolationNames(evaluate(HexagonRules.NAMES_SAY_THE_DOMAIN, "naming"), "ConnectionHelper");
    }

    @Test
    void layers_reportAConsumerUsingThePublisherOfTheSameBroker() {
        assertViolationNames(evaluate(HexagonRules.LAYERS, "amqpinout"), "ConsumerPublishingDirectly");
    }

    @Test
    void apiResourcesRequireTheToken_reportsAnUnguardedResource() {
        assertViolationNames(evaluate(HexagonRules.API_RESOURCES_REQUIRE_THE_TOKEN, "unguarded"), "SecretsResource");
    }

    @Test
    void resourcePathsAreLiteralPrefixes_reportsTheRootAndATemplate() {
        EvaluationResult result = evaluate(HexagonRules.RESOURCE_PATHS_ARE_LITERAL_PREFIXES, "bypass");
        assertViolationNames(result, "RootResource");
        assertViolationNames(result, "TemplateResource");
        assertFalse(evaluate(HexagonRules.RESOURCE_PATHS_ARE_LITERAL_PREFIXES, "unguarded").hasViolation());
    }

    @Test
    void routesAreMethodsOfResources_reportsALocatorAndARouteOutsideAResource() {
        EvaluationResult result = evaluate(HexagonRules.ROUTES_ARE_METHODS_OF_RESOURCES, "bypass");
        assertViolationNames(result, "LocatingResource.secrets");
        assertViolationNames(result, "SecretsSubResource.get");
    }

    @Test
    void rules_passOnAWellFormedFixture() {
        JavaClasses clean = new ClassFileImporter().importPackages(FIXTURES + "adaptertoadapter.adapter.out");
        assertFalse(HexagonRules.layers().withOptionalLayers(true).evaluate(clean).hasViolation());
        JavaClasses plainDomain = new ClassFileImporter().importPackages(FIXTURES + "cycle");
        assertFalse(HexagonRules.CORE_USES_NO_FRAMEWORK.evaluate(plainDomain).hasViolation());
        assertFalse(HexagonRules.NO_PACKAGE_CYCLES.evaluate(clean).hasViolation());
    }

    @Test
    void providerEvents_reportAnOpenFamilyAndAMutableEvent() {
        EvaluationResult result = evaluate(HexagonRules.PROVIDER_EVENTS_ARE_RECORDS_IN_SEALED_FAMILIES, "openevent");
        assertViolationNames(result, "OpenCardEvent");
        assertViolationNames(result, "MutableCardEvent");
        assertFalse(result.getFailureReport().getDetails().stream().anyMatch(line -> line.contains("SealedCardEvent ")),
                "a sealed family of records is what the rule asks for");
    }

    /** Deliberately wrong: a use case outside application.port.in, and not even an interface. */
    static final class MisplacedUseCase {
    }

    private static EvaluationResult evaluate(ArchRule rule, String fixture) {
        JavaClasses classes = new ClassFileImporter().importPackages(FIXTURES + fixture);
        assertFalse(classes.isEmpty(), "fixture " + fixture + " has no classes");
        return rule.evaluate(classes);
    }

    private static void assertViolationNames(EvaluationResult result, String className) {
        assertTrue(result.hasViolation(), "expected a violation naming " + className);
        String report = String.join("\n", result.getFailureReport().getDetails());
        assertTrue(report.contains(className), "the violations do not name " + className + ":\n" + report);
    }
}
