package miexplorer.web.http;

import jakarta.servlet.http.HttpServletRequest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that counts what has been read of it, so that it can be read on to its end, up to a
 * bound, and dropped.
 *
 * <p>A route that answers before the end of the body (too large, or a bad first line) leaves the
 * client still sending. The server then closes the connection with bytes unread, the client's
 * system may answer the close with a reset, and a reset can throw away the answer before the client
 * reads it: the learner sees "connection reset", not the message. Reading the rest first (up to a
 * bound, since a body can be endless) lets the answer arrive, and keeps the connection open.
 */
public final class RequestBody extends FilterInputStream {
    private long read;

    public RequestBody(InputStream in) {
        super(in);
    }

    /**
     * Whether to read the rest of a request's body before answering early: not when its declared
     * length is over {@code most} (it would be cut off anyway), and not when nothing has been read
     * yet from a client that waits for "100 Continue" before it sends the body (curl does, for large
     * ones): answered now, it never sends it.
     */
    private static boolean worthDraining(HttpServletRequest request, boolean started, long most) {
        if (request.getContentLengthLong() > most) {
            return false;
        }
        return started || !"100-continue".equalsIgnoreCase(request.getHeader("Expect"));
    }

    /**
     * Before an early answer: reads and drops the rest of {@code request}'s body, up to {@code most}
     * bytes in all, when that is worth it (see above).
     *
     * @param body what has read the body so far, or null when nothing has
     * @param started whether some of the body has been read already (by {@code body}, or by a parser)
     */
    public static void drainRest(HttpServletRequest request, RequestBody body, boolean started, long most) {
        if (!worthDraining(request, started, most)) {
            return;
        }
        try {
            (body != null ? body : new RequestBody(request.getInputStream())).drain(most);
        } catch (IOException | IllegalStateException e) {
            // the body is no longer there to read: the connection is closed after the answer
        }
    }

    /** Bytes read so far, by the route and by {@link #drain}. */
    public long bytesRead() {
        return read;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            read += n;
        }
        return n;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            read++;
        }
        return b;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skip is not supported"); // so that every byte passes through read and is counted
    }

    /**
     * Reads and drops the rest of the body, as long as no more than {@code most} bytes of it have been
     * read in all.
     *
     * @return true when the end of the body was reached; false when it is longer than {@code most}
     *     (the connection will then be closed after the answer) or could not be read
     */
    public boolean drain(long most) {
        byte[] buffer = new byte[64 * 1024];
        try {
            while (read <= most) {
                if (read(buffer, 0, (int) Math.min(buffer.length, most - read + 1)) < 0) {
                    return true;
                }
            }
        } catch (IOException e) {
            return false; // the client went away: there is no one to answer
        }
        return false;
    }
}
