package com.titan.webhooks.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The rules on the real code of every module (test classes and fixtures excluded). */
@AnalyzeClasses(packages = "com.titan.webhooks", importOptions = ImportOption.DoNotIncludeTests.class)
class HexagonArchitectureTest {

    @ArchTest
    static final ArchRule core_uses_no_framework = HexagonRules.CORE_USES_NO_FRAMEWORK;

    @ArchTest
    static final ArchRule adapters_depend_inwards_only = HexagonRules.LAYERS;

    @ArchTest
    static final ArchRule amqp_adapter_needs_only_application_and_its_client =
            HexagonRules.AMQP_ADAPTER_NEEDS_ONLY_APPLICATION_AND_ITS_CLIENT;

    @ArchTest
    static final ArchRule every_class_is_in_a_layer = HexagonRules.EVERY_CLASS_IN_A_LAYER;

    @ArchTest
    static final ArchRule no_package_cycles = HexagonRules.NO_PACKAGE_CYCLES;

    @ArchTest
    static final ArchRule ports_are_interfaces = HexagonRules.PORTS_ARE_INTERFACES;

    @ArchTest
    static final ArchRule use_cases_live_in_application = HexagonRules.USE_CASES_LIVE_IN_APPLICATION;

    @ArchTest
    static final ArchRule adapters_use_ports_not_services = HexagonRules.ADAPTERS_USE_PORTS_NOT_SERVICES;

    @ArchTest
    static final ArchRule driving_adapters_use_use_cases = HexagonRules.DRIVING_ADAPTERS_USE_USE_CASES;

    @ArchTest
    static final ArchRule driven_adapters_drive_nothing = HexagonRules.DRIVEN_ADAPTERS_DRIVE_NOTHING;

    @ArchTest
    static final ArchRule ports_do_not_mix = HexagonRules.PORTS_DO_NOT_MIX;

    @ArchTest
    static final ArchRule outbound_ports_are_implemented_by_adapters = HexagonRules.OUTBOUND_PORTS_ARE_IMPLEMENTED_BY_ADAPTERS;

    @ArchTest
    static final ArchRule resources_are_named_for_their_noun = HexagonRules.RESOURCES_ARE_NAMED_FOR_THEIR_NOUN;

    @ArchTest
    static final ArchRule names_say_the_domain = HexagonRules.NAMES_SAY_THE_DOMAIN;

    @ArchTest
    static final ArchRule api_resources_require_the_token = HexagonRules.API_RESOURCES_REQUIRE_THE_TOKEN;

    @ArchTest
    static final ArchRule resource_paths_are_literal_prefixes = HexagonRules.RESOURCE_PATHS_ARE_LITERAL_PREFIXES;

    @ArchTest
    static final ArchRule routes_are_methods_of_resources = HexagonRules.ROUTES_ARE_METHODS_OF_RESOURCES;

    @ArchTest
    static final ArchRule provider_events_are_records_in_sealed_families =
            HexagonRules.PROVIDER_EVENTS_ARE_RECORDS_IN_SEALED_FAMILIES;
}
