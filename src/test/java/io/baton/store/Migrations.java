package io.baton.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The Flyway migrations shipped in the jar, for tests that check the schema version. */
public final class Migrations {

    private Migrations() {
    }

    /** The highest V&lt;n&gt; of the files under db/migration. */
    public static String latest() {
        try {
            var files = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*__*.sql");
            return Arrays.stream(files).map(r -> r.getFilename().substring(1, r.getFilename().indexOf("__")))
                    .max(Comparator.comparingInt(Integer::parseInt)).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
