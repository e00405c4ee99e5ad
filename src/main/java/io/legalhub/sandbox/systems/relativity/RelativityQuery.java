package io.legalhub.sandbox.systems.relativity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legalhub.sandbox.systems.relativity.ObjectFields.FieldDef;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The part of Relativity's query condition language the sandbox understands:
 * {@code 'Field' == 'text'}, {@code 'Field' == 123} and {@code 'Field' == OBJECT 123}, joined by {@code AND},
 * optionally in parentheses. Anything else is refused with a 400 that says what is supported, rather than being
 * half-understood. Text compares case-insensitively, as Relativity's SQL collation does. Internal.
 */
public final class RelativityQuery {

    private enum Tok { STRING, NUMBER, EQ, LPAREN, RPAREN, AND, OBJECT, END }

    private record Token(Tok type, String text, int pos) {
    }

    private final List<Token> tokens;
    private final Function<String, Optional<FieldDef>> fields;
    private final String help;
    private int next;

    private RelativityQuery(List<Token> tokens, Function<String, Optional<FieldDef>> fields, String help) {
        this.tokens = tokens;
        this.fields = fields;
        this.help = help;
    }

    /**
     * @param condition  the QueryRequest's Condition; blank matches everything
     * @param fields     resolves a field name of the queried object type
     * @param fieldList  the queryable fields, for error messages
     */
    public static Predicate<ObjectNode> parse(String condition, Function<String, Optional<FieldDef>> fields, String fieldList) {
        if (condition == null || condition.isBlank()) {
            return r -> true;
        }
        String help = " The sandbox supports conditions of the form 'Field' == 'text', 'Field' == 123 and"
                + " 'Field' == OBJECT 123, joined by AND and optionally in parentheses. Fields: " + fieldList + ".";
        RelativityQuery q = new RelativityQuery(tokenize(condition, help), fields, help);
        Predicate<ObjectNode> p = q.expression();
        q.expect(Tok.END, "end of the condition");
        return p;
    }

    private Predicate<ObjectNode> expression() {
        Predicate<ObjectNode> p = term();
        while (peek().type() == Tok.AND) {
            next++;
            p = p.and(term());
        }
        return p;
    }

    private Predicate<ObjectNode> term() {
        Token t = peek();
        if (t.type() == Tok.LPAREN) {
            next++;
            Predicate<ObjectNode> inner = expression();
            expect(Tok.RPAREN, "')'");
            return inner;
        }
        Token field = expect(Tok.STRING, "a field name in single quotes");
        FieldDef def = fields.apply(field.text()).orElseThrow(() -> fail("Unknown field '" + field.text() + "'."));
        expect(Tok.EQ, "'=='");
        Token v = peek();
        next++;
        switch (def.kind()) {
            case TEXT -> {
                if (v.type() != Tok.STRING) {
                    throw fail(def.describe() + " is a text field: compare it with a quoted string, e.g. '" + def.name() + "' == 'value'.");
                }
                String wanted = v.text();
                return r -> {
                    JsonNode val = def.value().apply(r);
                    return val != null && val.asText().equalsIgnoreCase(wanted);
                };
            }
            case NUMBER -> {
                if (v.type() != Tok.NUMBER) {
                    throw fail(def.describe() + " is a number field: compare it with a number, e.g. '" + def.name() + "' == 123.");
                }
                long wanted = Long.parseLong(v.text());
                return r -> {
                    JsonNode val = def.value().apply(r);
                    return val != null && val.asLong() == wanted;
                };
            }
            case OBJECT -> {
                if (v.type() != Tok.OBJECT || peek().type() != Tok.NUMBER) {
                    throw fail(def.describe() + " is a single-object field: compare it with OBJECT and an ArtifactID, e.g. '"
                            + def.name() + "' == OBJECT 1016001.");
                }
                long wanted = Long.parseLong(tokens.get(next++).text());
                return r -> {
                    JsonNode val = def.value().apply(r);
                    return val != null && val.path("ArtifactID").asLong() == wanted;
                };
            }
            default -> throw fail("Conditions on " + def.describe() + " are not supported by the sandbox.");
        }
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token expect(Tok type, String what) {
        Token t = peek();
        if (t.type() != type) {
            throw fail("Expected " + what + " at position " + (t.pos() + 1) + " but found "
                    + (t.type() == Tok.END ? "the end of the condition" : "'" + t.text() + "'") + ".");
        }
        next++;
        return t;
    }

    private RelativityException fail(String message) {
        return failure(message, help);
    }

    private static RelativityException failure(String message, String help) {
        return RelativityException.invalid("Invalid condition: " + message + help,
                List.of(new PropertyError("Condition", message)));
    }

    private static List<Token> tokenize(String s, String help) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                StringBuilder sb = new StringBuilder();
                int start = i++;
                boolean closed = false;
                while (i < s.length()) {
                    char d = s.charAt(i++);
                    if (d == '\\' && i < s.length()) {
                        sb.append(s.charAt(i++));
                    } else if (d == '\'') {
                        closed = true;
                        break;
                    } else {
                        sb.append(d);
                    }
                }
                if (!closed) {
                    throw failure("The quoted text starting at position " + (start + 1) + " is not closed.", help);
                }
                out.add(new Token(Tok.STRING, sb.toString(), start));
            } else if (Character.isDigit(c) || (c == '-' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                int start = i++;
                while (i < s.length() && Character.isDigit(s.charAt(i))) {
                    i++;
                }
                if (i - start > 18) {
                    throw failure("The number at position " + (start + 1) + " is too long.", help);
                }
                out.add(new Token(Tok.NUMBER, s.substring(start, i), start));
            } else if (s.startsWith("==", i)) {
                out.add(new Token(Tok.EQ, "==", i));
                i += 2;
            } else if (c == '(' || c == ')') {
                out.add(new Token(c == '(' ? Tok.LPAREN : Tok.RPAREN, String.valueOf(c), i));
                i++;
            } else if (Character.isLetter(c)) {
                int start = i;
                while (i < s.length() && (Character.isLetter(s.charAt(i)) || s.charAt(i) == '_')) {
                    i++;
                }
                String word = s.substring(start, i);
                switch (word.toUpperCase(Locale.ROOT)) {
                    case "AND" -> out.add(new Token(Tok.AND, word, start));
                    case "OBJECT" -> out.add(new Token(Tok.OBJECT, word, start));
                    default -> throw failure("'" + word + "' at position " + (start + 1) + " is not supported.", help);
                }
            } else {
                int start = i;
                while (i < s.length() && "!=<>~[],".indexOf(s.charAt(i)) >= 0) {
                    i++;
                }
                String op = i == start ? String.valueOf(s.charAt(i)) : s.substring(start, i);
                throw failure("'" + op + "' at position " + (start + 1) + " is not supported.", help);
            }
        }
        out.add(new Token(Tok.END, "", s.length()));
        return out;
    }
}
