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
}
