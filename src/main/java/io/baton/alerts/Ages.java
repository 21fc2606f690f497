package io.baton.alerts;

import java.time.Duration;

/** Durations the way a person reads them in a mail: "3 d 4 h", "2 h 5 min", "12 min", "< 1 min". */
final class Ages {

    private Ages() {
    }

    static String human(Duration duration) {
        Duration d = duration.isNegative() ? Duration.ZERO : duration;
        long days = d.toDays();
        int hours = d.toHoursPart();
        int minutes = d.toMinutesPart();
        if (days > 0) {
            return hours == 0 ? days + " d" : days + " d " + hours + " h";
        }
        if (hours > 0) {
            return minutes == 0 ? hours + " h" : hours + " h " + minutes + " min";
        }
        return minutes > 0 ? minutes + " min" : "< 1 min";
    }
}
