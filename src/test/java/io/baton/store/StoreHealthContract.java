package io.baton.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

interface StoreHealthContract extends StoreFixture {

    @Test
    default void healthIsUpWhenTheDatabaseAnswers() {
        StoreHealth health = new StoreHealth(jdbc());
        assertThat(health.isUp()).isTrue();
        assertThatCode(health::check).doesNotThrowAnyException();
    }

    @Test
    default void schemaVersionIsTheLatestMigrationApplied() {
        assertThat(new StoreHealth(jdbc()).schemaVersion()).contains(Migrations.latest());
    }

    @Test
    default void schemaVersionIsEmptyOnADatabaseNeverMigrated() {
        DriverManagerDataSource blank = new DriverManagerDataSource("jdbc:h2:mem:never_migrated_"
                + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        assertThat(new StoreHealth(JdbcClient.create(blank)).schemaVersion()).isEmpty();
    }

    @Test
    default void healthIsDownWhenTheDatabaseCannotBeReached() {
        DriverManagerDataSource nowhere = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1");
        StoreHealth health = new StoreHealth(JdbcClient.create(nowhere));
        assertThat(health.isUp()).isFalse();
        assertThatThrownBy(health::check).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(health::schemaVersion).isInstanceOf(DataAccessException.class);
    }
}
