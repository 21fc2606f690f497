package io.baton.e2e;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link PlanScenarios} with the store on H2. */
class PlanEndToEndTest extends PlanScenarios {

    private static final SandboxedService SERVICE = new SandboxedService("plan");

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        seed(registry, SERVICE);
    }
}
