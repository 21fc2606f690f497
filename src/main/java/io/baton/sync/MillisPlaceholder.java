package io.baton.sync;

import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesFunction;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The route placeholder {@code {{millis:baton.sync.inventory-interval}}}: the Spring duration at
 * that key, in milliseconds. Camel's own duration parsing reads {@code PT30S} as 0, while the
 * config validator (like Spring) accepts it, so routes never read a duration key directly.
 */
@Component
public class MillisPlaceholder implements PropertiesFunction, CamelContextConfiguration {

    private final Environment environment;

    public MillisPlaceholder(Environment environment) {
        this.environment = environment;
    }

    @Override
    public String getName() {
        return "millis";
    }

    @Override
    public String apply(String key) {
        String value = environment.getProperty(key.trim());
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("route placeholder {{millis:" + key + "}}: no value configured");
        }
        Duration duration = DurationStyle.detectAndParse(value.trim());
        return Long.toString(duration.toMillis());
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        camelContext.getPropertiesComponent().addPropertiesFunction(this);
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        // nothing to do once started
    }
}
