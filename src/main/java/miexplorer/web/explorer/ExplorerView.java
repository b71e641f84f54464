package miexplorer.web.explorer;

import java.util.List;
import miexplorer.web.form.FieldErrors;
import miexplorer.web.form.State;
import miexplorer.web.render.Decimals;

/**
 * What every explorer's view answers the same way, for {@link ExplorerRoutes} and for the explorer's
 * templates: whether its state is sound, where it is shown, the URL of its state, and its messages.
 * A view is a record of the explorer's own; it supplies the abstract methods (and the decimals it
 * shows numbers with, {@link Decimals}) and, where its fields are named otherwise, {@link #problem}
 * and {@link #errorPrefix}.
 */
public interface ExplorerView extends Decimals {
    /** Whether the state could be computed: false while the form has mistakes in it. */
    boolean ok();

    /** The form's messages, keyed by field. */
    FieldErrors errors();

    /** Where the explorer is shown. */
    Placement placement();

    /** The state on the explorer's own page ({@link State#url}). */
    String stateUrl();

    /** What a screen reader hears after each change. */
    String announcement();

    /**
     * Before the ids of this explorer's messages, so that they differ from another explorer's where
     * both are on one page (the lesson): both have a "digits" field, for one.
     */
    default String errorPrefix() {
        return "";
    }

    /**
     * The URL of this state where it is shown: pushed after each edit and the target of the
     * no-JavaScript redirect. Embedded, it keeps {@code embed=1}, so the iframe stays bare.
     */
    default String canonicalUrl() {
        return placement().address(stateUrl());
    }

    default boolean embedded() {
        return placement() == Placement.EMBED;
    }

    default boolean inLesson() {
        return placement() == Placement.LESSON;
    }

    default boolean pushesUrl() {
        return placement().pushesUrl();
    }

    /** The level of a heading that is {@code level} on the explorer's own page ({@link Placement#headingShift}). */
    default int heading(int level) {
        return level + placement().headingShift();
    }

    default String error(String field) {
        return errors().get(field);
    }

    default boolean has(String field) {
        return errors().has(field);
    }

    /** The id of the element that shows a field's message, for aria-describedby: "p[1][0]" → "err-p-1-0". */
    default String errorId(String field) {
        return errorPrefix() + FieldErrors.errorId(field);
    }

    /** The problems in the form's order, each named (by {@link #problem}) so it can be found on a phone or in a large table. */
    default List<Problem> problems() {
        return Problem.of(errors(), this::problem);
    }

    /** One message as the list of problems shows it: by default as it stands, naming no field. */
    default Problem problem(String field, String message) {
        return new Problem(null, null, message);
    }

    /** The announcement of a state with mistakes: how many, and the first. */
    default String problemsAnnounced() {
        int n = errors().size();
        return n == 1 ? "One problem to fix: " + errors().first() : n + " problems to fix; the first: " + errors().first();
    }
}
