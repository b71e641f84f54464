package miexplorer.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import java.util.Map;

/** Reading a posted form without letting a malformed body become a server error. */
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
}
