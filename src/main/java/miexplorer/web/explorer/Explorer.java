package miexplorer.web.explorer;

import io.javalin.config.RoutesConfig;
import java.util.List;
import miexplorer.web.form.Fields;
import miexplorer.web.form.State;

/**
 * One explorer: what is its own, and what it is {@linkplain About about}. {@link ExplorerRoutes#register}
 * gives every explorer the rest in the same way (Javalin's {@code CrudHandler} is the model): its page, its form with and without htmx, the
 * pushed URL, {@code embed=1}, its examples in the gallery, its place in the lesson, its exports, and
 * its answers to mistakes.
 *
 * @param <I> its state as typed (a table, vectors): what a preset holds and the canonical URL writes
 * @param <F> its form: the state and what a request asked of it (a button, a slider), read once from the request's fields
 * @param <V> its view: a form checked and computed, as its templates show it
 */
public abstract class Explorer<I extends State, F, V extends ExplorerView> {

    /**
     * What an explorer is called and where it lives.
     *
     * @param path its page and its form's address, such as {@code /mi}; its templates are
     *     {@code mi/page.jte} (the page, a {@link ExplorerPage}) and {@code mi/explorer.jte} (the
     *     explorer itself, the fragment htmx swaps in, given the view)
     * @param name the name its examples are grouped under in the gallery
     * @param title its page's title when it shows no example
     * @param description what its page says it does, for link previews
     * @param state what its state is called in the message that refuses to export one with mistakes
     *     ("This table cannot be exported until it is fixed")
     * @param presets its examples, in the order its page lists them
     * @param lessonState the state the lesson embeds it in
     */
    public record About<I extends State>(String path, String name, String title, String description, String state, List<Preset<I>> presets,
            I lessonState) {
    }

    private final About<I> about;

    protected Explorer(About<I> about) {
        this.about = about;
    }

    public final About<I> about() {
        return about;
    }

    /** The form a request's fields give (a URL's or a posted form's), with a message for each field that cannot be read. */
    public abstract F read(Fields fields);

    /** The form of a state as it is, asking nothing: a preset's, the lesson's. */
    public abstract F form(I input);

    /**
     * The form after what a posted form asked of it (a button, a slider); one that cannot be done leaves
     * the state as it was, with a message.
     *
     * @param from where the form was posted from (its page, an iframe, the lesson)
     */
    public abstract F act(F form, Placement from);

    /** The form checked and, when it is sound, computed: what the templates show, {@code placement} says where. */
    public abstract V show(F form, Placement placement);

    /** The files a state can be taken away as. */
    public List<Export<V>> exports() {
        return List.of();
    }

    /** Its routes beyond its page, form and exports (its JSON API, say); {@code explorer} renders its pages. */
    public void addRoutes(RoutesConfig routes, ExplorerRoutes<I, F, V> explorer) {
    }
}
