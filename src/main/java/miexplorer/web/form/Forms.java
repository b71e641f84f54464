package miexplorer.web.form;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Reading a request's fields (a posted form without letting a malformed body become a server
 * error), and writing values back into a query string.
 */
public final class Forms {
    private Forms() {
    }

    /**
     * The form's fields. A body the server cannot parse (a multipart body with no boundary, say)
     * is the client's mistake: 400 with a message. Too large a body stays a 413.
     */
    public static Map<String, List<String>> params(Context ctx) {
        try {
            return ctx.formParamMap();
        } catch (HttpResponseException e) {
            throw e;
        } catch (Exception e) {
            // Kotlin code may throw checked exceptions (ServletException) without declaring them.
            throw new BadRequestResponse("the form could not be read; send it as application/x-www-form-urlencoded.");
        }
    }

    /** The first value of a field, or null when the request has none. */
    public static String first(Map<String, List<String>> params, String key) {
        List<String> v = params.get(key);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** Percent-encodes for a query value; spaces become +. */
    public static String enc(String s) {
        // Most of a URL's values (every cell, most labels) are letters, digits and . - _ *, which
        // URLEncoder leaves as they are; skip its buffers for those. A 32 x 32 URL has over 1000.
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '.' || c == '-' || c == '_' || c == '*')) {
                return URLEncoder.encode(s, StandardCharsets.UTF_8);
            }
        }
        return s;
    }
}
