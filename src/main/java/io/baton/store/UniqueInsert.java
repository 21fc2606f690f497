package io.baton.store;

import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a statement that may lose a race on a unique constraint and reports the loss instead of
 * throwing, so "save or get" stays idempotent under concurrency.
 *
 * <p>Inside a Spring transaction the statement runs under a savepoint: on PostgreSQL a unique
 * violation aborts the whole transaction otherwise, and the caller (which commits links, snapshots
 * and the cursor together) would fail. H2 and PostgreSQL both accept the same savepoint SQL.
 * Outside a transaction each statement commits on its own and needs no savepoint.
 */
final class UniqueInsert {

    private static final String SAVEPOINT = "baton_unique_insert";

    private final JdbcClient jdbc;

    UniqueInsert(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs {@code statement}; true when it ran, false when it hit a unique constraint. */
    boolean tryRun(Runnable statement) {
        return tryGet(() -> {
            statement.run();
            return Boolean.TRUE;
        }) != null;
    }

    /** Runs {@code statement} and returns its result, or null when it hit a unique constraint. */
    <T> T tryGet(Supplier<T> statement) {
        boolean inTransaction = TransactionSynchronizationManager.isActualTransactionActive();
        if (!inTransaction) {
            try {
                return statement.get();
            } catch (DuplicateKeyException lostRace) {
                return null;
            }
        }
        jdbc.sql("SAVEPOINT " + SAVEPOINT).update();
        try {
            T result = statement.get();
            jdbc.sql("RELEASE SAVEPOINT " + SAVEPOINT).update();
            return result;
        } catch (DuplicateKeyException lostRace) {
            jdbc.sql("ROLLBACK TO SAVEPOINT " + SAVEPOINT).update();
            jdbc.sql("RELEASE SAVEPOINT " + SAVEPOINT).update();
            return null;
        }
    }
}
