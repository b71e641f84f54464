package miexplorer.web.form;

/**
 * A state exactly as typed (a table, vectors), before anything is parsed: what an explorer's form
 * holds, what a preset keeps, and what its canonical URL writes.
 */
public interface State {
    /** The one GET URL of this state, on its explorer's own page. */
    String url();
}
