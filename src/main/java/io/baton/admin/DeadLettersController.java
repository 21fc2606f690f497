package io.baton.admin;

import io.baton.core.record.CrmException;
import io.baton.store.DeadLetter;
import io.baton.store.DeadLetterRepository;
import io.baton.store.DeadLetterStatus;
import io.baton.sync.DeadLetterRetry;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The dead letters (DESIGN §3): {@code GET /api/dead-letters} a page at a time ({@code status}
 * one or more of OPEN, PARKED, REPLAYED, DISCARDED — OPEN and PARKED when not given; {@code class}
 * an error class), one by id, and the operator's replay (one, or all OPEN and PARKED) and discard.
 */
@RestController
class DeadLettersController {

    static final int MAX_SIZE = 200;

    private final DeadLetterRepository deadLetters;
    private final DeadLetterRetry retry;

    DeadLettersController(DeadLetterRepository deadLetters, DeadLetterRetry retry) {
        this.deadLetters = deadLetters;
        this.retry = retry;
    }

    @Operation(summary = "Dead letters, filtered by status and class (paged; default OPEN and PARKED)")
    @GetMapping("/api/dead-letters")
    Map<String, Object> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
                             @RequestParam Optional<List<String>> status,
                             @RequestParam(name = "class") Optional<String> errorClass) {
        AdminPaging.require(page, size, MAX_SIZE);
        Set<DeadLetterStatus> statuses = statuses(status, EnumSet.of(DeadLetterStatus.OPEN, DeadLetterStatus.PARKED));
        DeadLetter.Page found = deadLetters.list(statuses, errorClass(errorClass), page, size);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("page", page);
        body.put("size", size);
        body.put("total", found.total());
        body.put("pages", (found.total() + size - 1) / size);
        body.put("deadLetters", found.letters().stream().map(DeadLettersController::letter).toList());
        return body;
    }

    @Operation(summary = "One dead letter, with the payload that was sent")
    @GetMapping("/api/dead-letters/{id}")
    Map<String, Object> one(@PathVariable long id) {
        DeadLetter letter = deadLetters.find(id).orElseThrow(() -> notFound(id));
        Map<String, Object> body = letter(letter);
        body.put("payload", letter.payload().orElse(null));
        return body;
    }

    /** Syncs the letter's record now, parked or not, and answers what became of it. */
    @Operation(summary = "Sync one letter's record now; answers the outcome")
    @PostMapping("/api/dead-letters/{id}/replay")
    Map<String, Object> replay(@PathVariable long id) {
        DeadLetterRetry.Replayed replayed = retry.replay(id).orElseThrow(() -> notFound(id));
        Map<String, Object> body = new LinkedHashMap<>(RecordsController.outcome(replayed.outcome()));
        body.put("deadLetter", letter(replayed.letter()));
        return body;
    }

    /** Replays every OPEN and PARKED letter (or those of the given statuses and class); answers counts per outcome. */
    @Operation(summary = "Replay every OPEN and PARKED letter (or those filtered); answers counts")
    @PostMapping("/api/dead-letters/replay")
    Map<String, Object> replayAll(@RequestParam Optional<List<String>> status,
                                  @RequestParam(name = "class") Optional<String> errorClass) {
        Set<DeadLetterStatus> statuses = statuses(status, EnumSet.of(DeadLetterStatus.OPEN, DeadLetterStatus.PARKED));
        if (statuses.stream().anyMatch(s -> !s.isUnresolved())) {
            throw badRequest("status: only OPEN and PARKED letters can be replayed (were " + statuses + ")");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        retry.replayAll(statuses, errorClass(errorClass))
                .forEach((outcome, count) -> body.put(outcome.name().toLowerCase(Locale.ROOT), count));
        return body;
    }

    @Operation(summary = "Give up on a letter (409 when already resolved)")
    @PostMapping("/api/dead-letters/{id}/discard")
    Map<String, Object> discard(@PathVariable long id) {
        DeadLetter letter = deadLetters.find(id).orElseThrow(() -> notFound(id));
        if (!deadLetters.discard(id)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "dead letter " + id + " is already " + letter.status());
        }
        return letter(deadLetters.find(id).orElseThrow());
    }

    static Set<DeadLetterStatus> statuses(Optional<List<String>> given, Set<DeadLetterStatus> otherwise) {
        List<String> names = given.orElse(List.of()).stream().flatMap(s -> Arrays.stream(s.split(",")))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (names.isEmpty()) {
            return otherwise;
        }
        Set<DeadLetterStatus> out = EnumSet.noneOf(DeadLetterStatus.class);
        for (String name : names) {
            out.add(Arrays.stream(DeadLetterStatus.values()).filter(s -> s.name().equalsIgnoreCase(name)).findFirst()
                    .orElseThrow(() -> badRequest("status: unknown status '" + name + "' (one of "
                            + Arrays.toString(DeadLetterStatus.values()) + ")")));
        }
        return out;
    }

    static Optional<String> errorClass(Optional<String> given) {
        Optional<String> wanted = given.map(String::trim).filter(s -> !s.isEmpty());
        return wanted.map(name -> Arrays.stream(CrmException.Kind.values()).filter(k -> k.name().equalsIgnoreCase(name))
                .findFirst().map(Enum::name).orElseThrow(() -> badRequest("class: unknown error class '" + name
                        + "' (one of " + Arrays.toString(CrmException.Kind.values()) + ")")));
    }

    static Map<String, Object> letter(DeadLetter d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("system", d.record().side().name());
        m.put("recordType", d.record().type());
        m.put("recordId", d.record().id());
        m.put("stream", d.stream());
        m.put("errorClass", d.errorCategory());
        m.put("errorCode", d.errorCode().orElse(null));
        m.put("reason", d.reason());
        m.put("attempts", d.attempts());
        m.put("firstFailed", d.firstFailedAt().toString());
        m.put("lastFailed", d.lastFailedAt().toString());
        m.put("nextAttempt", d.nextAttemptAt().map(Object::toString).orElse(null));
        m.put("status", d.status().name());
        m.put("resolved", d.resolvedAt().map(Object::toString).orElse(null));
        return m;
    }

    private static ResponseStatusException notFound(long id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no dead letter with id " + id);
    }

    private static ResponseStatusException badRequest(String message) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, message);
    }
}
