package io.baton.store;

import io.baton.core.record.RecordRef;
import io.baton.sandbox.http.SandboxClock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What every contract mixin needs from the running store test: a migrated database and a clock. */
interface StoreFixture {

    DataSource dataSource();

    JdbcClient jdbc();

    /** Starts at a fixed instant; tests move it with {@code advance}. */
    SandboxClock clock();

    /** Flyway bound to the test database (already migrated once before the tests). */
    Flyway flyway();

    /** A fresh active link for HubSpot contact {@code hubspotId} and Lead {@code 00Q<hubspotId>}. */
    default long newLink(String hubspotId) {
        return new RecordLinkRepository(jdbc(), clock())
                .saveOrGet(NewRecordLink.of(hubspotId, RecordRef.salesforce("Lead", "00Q" + hubspotId), null)).id();
    }
}
