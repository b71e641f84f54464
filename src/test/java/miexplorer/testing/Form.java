package miexplorer.testing;

import io.javalin.testtools.FormBody;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A form as a page posts it: repeated fields in order (a table's cells row-major, one vector per row). */
public final class Form {
    private final Map<String, List<String>> fields = new LinkedHashMap<>();

    /** A copy of this form with {@code key} set to {@code values}. */
    public Form set(String key, String... values) {
        Form f = new Form();
        f.fields.putAll(fields);
        f.fields.put(key, List.of(values));
        return f;
    }

    public FormBody body() {
        FormBody.Builder b = new FormBody.Builder();
        fields.forEach((k, vs) -> vs.forEach(v -> b.add(k, v)));
        return b.build();
    }

    @Override
    public String toString() {
        String s = fields.toString();
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
