package io.legalhub.delivery;

import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Ids that exist only at write time, named in a mapped body as {@code ${id}}, {@code ${parts.<part>}} or
 * {@code ${targetIds.<entity>}}: filled in just before a request is sent (after the delivery gate has compared the
 * mapped payload, so an id never makes a record look changed). A string that is nothing but one placeholder
 * whose value is all digits becomes a JSON number, as vendors with numeric ids expect; inside a longer string
 * the id is written as text (e.g. a query condition). A placeholder without a value is an error in the mapping.
 */
final class BodyPlaceholders {

    private static final Pattern TOKEN = Pattern.compile("\\$\\{(id|parts\\.[A-Za-z0-9_-]+|targetIds\\.[A-Za-z0-9_-]+)}");

    private BodyPlaceholders() {
    }

    /** A copy of {@code body} with every placeholder filled from {@code values} (keys "id", "parts.x", "targetIds.y"). */
    static JsonNode fill(JsonNode body, Map<String, String> values) {
        if (body == null) {
            return null;
        }
        if (body.isTextual()) {
            return fillText(body.asText(), values);
        }
        if (body.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                copy.set(field.getKey(), fill(field.getValue(), values));
            }
            return copy;
        }
        if (body.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            body.forEach(item -> copy.add(fill(item, values)));
            return copy;
        }
        return body;
    }

    private static JsonNode fillText(String text, Map<String, String> values) {
        Matcher whole = TOKEN.matcher(text);
        if (whole.matches()) {
            String value = value(whole.group(1), values);
            return value.matches("\\d{1,18}") ? JsonNodeFactory.instance.numberNode(Long.parseLong(value)) : TextNode.valueOf(value);
        }
        Matcher m = TOKEN.matcher(text);
        if (!m.find()) {
            return TextNode.valueOf(text);
        }
        StringBuilder out = new StringBuilder();
        m.reset();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1), values)));
        }
        m.appendTail(out);
        return TextNode.valueOf(out.toString());
    }

    private static String value(String name, Map<String, String> values) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("the mapped body names ${" + name + "}, which has no value at this point of the write"
                    + (name.equals("id") ? " (${id} is known only when updating)" : ""));
        }
        return value;
    }
}
