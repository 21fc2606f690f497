package io.baton.bench;

import java.util.Locale;

/** Progress lines go to stderr, so stdout carries only the table (or the JSON). */
final class Progress {

    private Progress() {
    }

    static void say(String format, Object... args) {
        System.err.println("bench: " + String.format(Locale.ROOT, format, args));
    }
}
