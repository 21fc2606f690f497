package io.baton.admin;

import io.baton.store.DeadLetter;
import io.baton.store.DeadLetterRepository;
import io.baton.store.DeadLetterStatus;
import jakarta.servlet.http.HttpServletResponse;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dead letters summed up for the dashboard's error cards and exported for a spreadsheet:
 * {@code GET /api/dead-letters/classes} counts the OPEN and PARKED letters per error class;
 * {@code GET /api/dead-letters/export.csv} lists the letters (the same {@code status} and
 * {@code class} filters as {@code GET /api/dead-letters}, without the payload) as CSV.
 */
@RestController
class DeadLetterReportsController {

    /** The store is read this many letters at a time, in id order, so an export of any size never sits in memory. */
    static final int EXPORT_PAGE = 500;
    static final List<String> CSV_COLUMNS = List.of("id", "status", "errorClass", "errorCode", "system", "recordType",
            "recordId", "stream", "attempts", "firstFailed", "lastFailed", "nextAttempt", "resolved", "reason");

    private final DeadLetterRepository deadLetters;

    DeadLetterReportsController(DeadLetterRepository deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Operation(summary = "OPEN and PARKED dead letters per error class, with the records they concern")
    @GetMapping("/api/dead-letters/classes")
    Map<String, Object> classes() {
        List<Map<String, Object>> classes = new ArrayList<>();
        long letters = 0;
        for (DeadLetter.ClassCount c : deadLetters.countUnresolvedByClass()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("errorClass", c.errorClass());
            m.put("letters", c.letters());
            m.put("open", c.open());
            m.put("parked", c.parked());
            m.put("records", c.records());
            classes.add(m);
            letters += c.letters();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("letters", letters);
        body.put("classes", classes);
        return body;
    }

    @Operation(summary = "The dead letters as CSV (RFC 4180), filtered like /api/dead-letters, without payloads")
    @GetMapping("/api/dead-letters/export.csv")
    void export(@RequestParam Optional<List<String>> status, @RequestParam(name = "class") Optional<String> errorClass,
                HttpServletResponse response) throws IOException {
        // Parameters are checked before anything is written, so a bad one still answers a JSON 400.
        Set<DeadLetterStatus> statuses = DeadLettersController.statuses(status,
                EnumSet.of(DeadLetterStatus.OPEN, DeadLetterStatus.PARKED));
        Optional<String> wanted = DeadLettersController.errorClass(errorClass);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"dead-letters.csv\"");
        Writer writer = response.getWriter();
        CsvTable csv = new CsvTable(writer);
        csv.row(CSV_COLUMNS);
        long after = 0;
        while (true) {
            List<DeadLetter> letters = deadLetters.after(after, statuses, wanted, EXPORT_PAGE);
            for (DeadLetter d : letters) {
                Map<String, Object> m = DeadLettersController.letter(d);
                csv.row(CSV_COLUMNS.stream().map(m::get).toList());
            }
            if (letters.size() < EXPORT_PAGE) {
                break;
            }
            after = letters.get(letters.size() - 1).id();
        }
        writer.flush();
    }
}
