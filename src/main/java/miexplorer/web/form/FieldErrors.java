package miexplorer.web.form;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Messages keyed by the field they concern ({@code "p[1][0]"}, {@code "xl[2]"}, {@code "table"}), in
 * the order they were found. The same keys name the fields in the page and in the JSON API.
 */
public final class FieldErrors {
    private final Map<String, String> messages = new LinkedHashMap<>();

    /** Records {@code message} for {@code field} unless the field already has one. */
    public void add(String field, String message) {
        messages.putIfAbsent(field, message);
    }

    public String get(String field) {
        return messages.get(field);
    }

    public boolean has(String field) {
        return messages.containsKey(field);
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    public int size() {
        return messages.size();
    }

    /** The first message found (the one a summary names); call only when there is one. */
    public String first() {
        return messages.values().iterator().next();
    }

    /** The id of the element that shows a field's message, for aria-describedby: "p[1][0]" → "err-p-1-0". */
    public static String errorId(String field) {
        return "err-" + field.replace('[', '-').replace("]", "");
    }

    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(messages);
    }
}
