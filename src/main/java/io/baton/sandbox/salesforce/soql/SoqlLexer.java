package io.baton.sandbox.salesforce.soql;

import java.util.ArrayList;
import java.util.List;

/** Splits SOQL into tokens, remembering each token's column for the org-style error preamble (B.2). */
final class SoqlLexer {

    /** Kinds: w word, v value (number/date/datetime, unquoted), s quoted string, o operator, p punctuation, e end. */
    record Token(String text, char kind, int column) {
        boolean is(String keyword) {
            return kind == 'w' && text.equalsIgnoreCase(keyword);
        }
    }

    private SoqlLexer() {
    }

    /** The tokens of a query, ending with an end token; a stray character is MALFORMED_QUERY. */
    static List<Token> tokenize(String soql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = soql.length();
        while (i < n) {
            char c = soql.charAt(i);
            int col = i + 1;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (i < n && soql.charAt(i) != '\'') {
                    char ch = soql.charAt(i);
                    if (ch == '\\' && i + 1 < n) {
                        char esc = soql.charAt(++i);
                        sb.append(switch (esc) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            case 'r' -> '\r';
                            default -> esc == '%' || esc == '_' ? "\\" + esc : String.valueOf(esc);
                        });
                    } else {
                        sb.append(ch);
                    }
                    i++;
                }
                if (i >= n) {
                    throw SoqlException.at("MALFORMED_QUERY", soql, col, "line 1:" + col + " mismatched character '<EOF>' expecting '''");
                }
                i++;
                tokens.add(new Token(sb.toString(), 's', col));
            } else if (Character.isDigit(c) || (c == '-' && i + 1 < n && Character.isDigit(soql.charAt(i + 1)))) {
                int start = i++;
                while (i < n && "0123456789.:-+TZ".indexOf(soql.charAt(i)) >= 0) {
                    i++;
                }
                tokens.add(new Token(soql.substring(start, i), 'v', col));
            } else if (Character.isLetter(c) || c == '_') {
                int start = i++;
                while (i < n && (Character.isLetterOrDigit(soql.charAt(i)) || soql.charAt(i) == '_'
                        || soql.charAt(i) == '.' || soql.charAt(i) == ':')) {
                    i++;
                }
                tokens.add(new Token(soql.substring(start, i), 'w', col));
            } else if ("<>!=".indexOf(c) >= 0) {
                int start = i++;
                if (i < n && (soql.charAt(i) == '=' || (c == '<' && soql.charAt(i) == '>'))) {
                    i++;
                }
                tokens.add(new Token(soql.substring(start, i), 'o', col));
            } else if ("(),".indexOf(c) >= 0) {
                tokens.add(new Token(String.valueOf(c), 'p', col));
                i++;
            } else {
                throw SoqlException.at("MALFORMED_QUERY", soql, col, "line 1:" + col + " no viable alternative at character '" + c + "'");
            }
        }
        tokens.add(new Token("<EOF>", 'e', n + 1));
        return tokens;
    }
}
