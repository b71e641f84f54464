package miexplorer.web;

import io.javalin.http.Context;

/** The htmx request and response headers this app uses. */
public final class Htmx {
    public static final String REQUEST = "HX-Request";
    public static final String HISTORY_RESTORE = "HX-History-Restore-Request";
    public static final String PUSH_URL = "HX-Push-Url";

    private Htmx() {
    }

    /**
     * True when htmx asks for a fragment to swap in. A history restore (after Back, when htmx's
     * own cache misses) wants the whole page, as does any request without htmx.
     */
    public static boolean isFragmentRequest(Context ctx) {
        return "true".equals(ctx.header(REQUEST)) && !"true".equals(ctx.header(HISTORY_RESTORE));
    }
}
