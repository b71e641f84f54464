package miexplorer.web.form;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import java.util.Map;

/**
 * A request's fields, as a URL's query string or a posted form gives them, read from the request
 * once and then handed to what reads a form from them. A field may be repeated (a table's labels, its
 * cells); a field that is absent has no values.
 */
public final class Fields {
    private final Map<String, List<String>> values;

    private Fields(Map<String, List<String>> values) {
        this.values = values;
    }

    /** Fields made in code (the JSON APIs hand their arrays over as the form's fields). */
    public static Fields of(Map<String, List<String>> values) {
        return new Fields(values);
    }

    /** The query string's fields. */
    public static Fields ofQuery(Context ctx) {
        return new Fields(ctx.queryParamMap());
    }

    /**
     * The posted form's fields. A body the server cannot parse (a multipart body with no boundary, say)
     * is the client's mistake: 400 with a message. Too large a body stays a 413.
     */
    public static Fields ofForm(Context ctx) {
        try {
            return new Fields(ctx.formParamMap());
        } catch (HttpResponseException e) {
            throw e;
        } catch (Exception e) {
            // Kotlin code may throw checked exceptions (ServletException) without declaring them.
            throw new BadRequestResponse("the form could not be read; send it as application/x-www-form-urlencoded.");
        }
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** Whether any of {@code names} is there. */
    public boolean hasAny(String... names) {
        for (String name : names) {
            if (values.containsKey(name)) {
                return true;
            }
        }
        return false;
    }

    /** The first value of a field, or null when there is none. */
    public String first(String name) {
        List<String> v = values.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** The last value of a field, or null: a form may send a hidden default before the control that overrides it. */
    public String last(String name) {
        List<String> v = values.get(name);
        return v == null || v.isEmpty() ? null : v.get(v.size() - 1);
    }

    /** Every value of a field, in order; none when it is absent. */
    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }
}
