package io.baton.e2e;

import io.baton.sandbox.Sandbox;
import io.baton.store.DeadLetterRepository;
import io.baton.store.RecordLinkRepository;
import io.baton.sync.SyncLoop;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The service in the demo profile with its sandbox in-process, the sync driven by the test. Each
 * subclass registers its own {@link SandboxedService} (ports, store, seed, policies) with a
 * {@code @DynamicPropertySource}, so every class gets a context of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("demo")
abstract class SyncedServiceTest {

    @Autowired
    Sandbox sandbox;

    @Autowired
    SyncLoop sync;

    @Autowired
    RecordLinkRepository links;

    @Autowired
    DeadLetterRepository deadLetters;

    SandboxPeople people;

    @BeforeEach
    void people() {
        people = new SandboxPeople(sandbox);
    }
}
