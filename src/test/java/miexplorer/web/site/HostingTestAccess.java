package miexplorer.web.site;

import java.io.IOException;
import java.io.InputStream;

/** Lets tests in other packages read a raw HTTP response the way {@link HostingTest} does. */
public final class HostingTestAccess {
    private HostingTestAccess() {
    }

    public static String readResponse(InputStream in) throws IOException {
        return HostingTest.readResponse(in);
    }
}
