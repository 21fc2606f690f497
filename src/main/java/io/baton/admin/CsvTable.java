package io.baton.admin;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Rows of comma-separated values as RFC 4180 has them, so a spreadsheet reads reasons with commas,
 * quotes and line breaks in them as one cell: such a field is put in double quotes with its quotes
 * doubled; lines end with CRLF; an absent value is an empty field.
 */
final class CsvTable {

    private final Writer out;

    CsvTable(Writer out) {
        this.out = out;
    }

    void row(List<?> values) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(field(values.get(i)));
        }
        out.write(line.append("\r\n").toString());
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0 || (!text.isEmpty() && (text.charAt(0) == ' ' || text.charAt(text.length() - 1) == ' '));
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
