package io.baton.alerts;

/** How many of a digest's flags are of one kind (public: Thymeleaf reads it). */
public record KindCount(String kind, int count) {
}
