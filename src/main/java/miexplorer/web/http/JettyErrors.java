package miexplorer.web.http;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Errors that Jetty answers before the app sees the request (an address or headers over the
 * limit, a malformed request line): a short page in the app's words, never a stack trace.
 */
public final class JettyErrors extends ErrorHandler {
    private final int maxHeader;

    /** @param maxHeader the longest request line and headers taken, in bytes, for the message of a 414 or 431 */
    public JettyErrors(int maxHeader) {
        this.maxHeader = maxHeader;
        setShowStacks(false);
    }

    @Override
    protected void writeErrorHtml(Request request, Writer writer, Charset charset, int code, String message, Throwable cause)
            throws IOException {
        writer.write("<!DOCTYPE html>\n<html lang=\"en\"><head><title>Error " + code
                + " - MI Explorer</title></head>\n<body><h1>" + explain(code) + "</h1>\n<p>Status " + code
                + ". <a href=\"/mi\">Open the explorer</a> with the tutorial's table.</p></body></html>\n");
    }

    String explain(int code) {
        return switch (code) {
            case 414, 431 -> "The address is too long: the app takes at most " + (maxHeader / 1024)
                    + " KB of address and headers. Very large states can be sent with the form or the API.";
            case 413 -> "The request is too large.";
            default -> "The request could not be read.";
        };
    }
}
