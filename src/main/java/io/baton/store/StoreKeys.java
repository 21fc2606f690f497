package io.baton.store;

import org.springframework.jdbc.support.KeyHolder;

/** Reads the generated {@code id} back the same way on both drivers. */
final class StoreKeys {

    private StoreKeys() {
    }

    /**
     * The generated id. Asking for the key column by name makes pgjdbc return only that column
     * (not the whole row, as {@code RETURNING *} would); H2 answers the same way.
     */
    static long id(KeyHolder key) {
        Number id = (Number) key.getKeys().get("id");
        if (id == null) {
            throw new IllegalStateException("the database returned no generated id");
        }
        return id.longValue();
    }
}
