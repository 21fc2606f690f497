package io.baton.admin;

import java.util.Map;

/** The outcome of trying one connection: its name, whether it answered, and what it said. */
public record ConnectionCheck(String name, boolean ok, Map<String, Object> details, String error) {

    public static ConnectionCheck up(String name, Map<String, Object> details) {
        return new ConnectionCheck(name, true, Map.copyOf(details), "");
    }

    public static ConnectionCheck down(String name, String error) {
        return new ConnectionCheck(name, false, Map.of(), error);
    }
}
