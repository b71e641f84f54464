package miexplorer.web.explorer;

import java.util.function.Function;
import miexplorer.web.render.Notebook;

/**
 * One way to take an explorer's state away, at its own address beside the explorer's
 * ({@code /mi.py?…}, {@code /mi.csv?…}, {@code /mi.ipynb?…}), which takes the query string of the state's canonical URL.
 * {@link ExplorerRoutes} serves every export of an explorer the same way; a state with mistakes in it
 * answers 400 with the messages as plain text.
 *
 * @param path where it is served; its last part is the file's name
 * @param contentType what it is
 * @param attachment whether a browser saves it rather than shows it
 * @param body the file, for a sound state's view
 */
public record Export<V>(String path, String contentType, boolean attachment, Function<V, String> body) {

    /** A runnable Python 3 script, shown in the browser. */
    public static <V> Export<V> python(String path, Function<V, String> body) {
        return new Export<>(path, "text/x-python; charset=utf-8", false, body);
    }

    /** A CSV file (RFC 4180), saved. */
    public static <V> Export<V> csv(String path, Function<V, String> body) {
        return new Export<>(path, "text/csv; charset=utf-8", true, body);
    }

    /** A Jupyter notebook (nbformat 4), saved: JSON in ASCII, so it needs no charset. */
    public static <V> Export<V> notebook(String path, Function<V, String> body) {
        return new Export<>(path, Notebook.MEDIA_TYPE, true, body);
    }

    /** The Content-Disposition header: inline or attachment, with the file's name. */
    public String disposition() {
        return (attachment ? "attachment" : "inline") + "; filename=\"" + path.substring(path.lastIndexOf('/') + 1) + "\"";
    }
}
