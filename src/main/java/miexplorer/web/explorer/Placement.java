package miexplorer.web.explorer;

import miexplorer.web.form.Fields;

/**
 * Where an explorer, or a piece of one, is shown; it sets the level of its headings and whether edits
 * push a URL. The form carries it as a hidden field, so a post answers in the same place it came from.
 * Every explorer (the joint-table, three-variable and attention explorers) has its own page, the
 * embedded one ({@code ?embed=1}) and the lesson; a joint table's analysis is also shown nested, in
 * the attention explorer's result and, one slice at a time, in the three-variable explorer's.
 */
public enum Placement {
    /** Its own page, {@code /mi?…}, {@code /cmi?…} or {@code /attention?…}: edits push the state's URL into the address bar. */
    PAGE,
    /**
     * Alone, for an iframe ({@code ?embed=1}): no site header, footer or lesson around it, and
     * {@code embed=1} stays in every URL the explorer pushes or redirects to.
     */
    EMBED,
    /**
     * Inside the lesson at {@code /}: edits update the explorer in place but push nothing, so the
     * address stays the lesson's. (Without JavaScript a post opens the explorer's own page.)
     */
    LESSON,
    /**
     * A result inside another explorer's result (the attention matrix read as a joint table): only
     * its result is shown, with headings two levels down so they nest under the page's own.
     */
    NESTED,
    /**
     * One X × Y slice of a three-variable table, worked under its own heading in that explorer's
     * result: its steps' headings one level down.
     */
    SLICE;

    /** The parameter that asks for the embedded explorer, and its one value. */
    public static final String EMBED_PARAM = "embed";
    /** The hidden field that marks a post from the lesson's explorer. */
    public static final String LESSON_PARAM = "lesson";

    /**
     * The placement a request for an explorer's own address asks for: embedded with {@code embed=1},
     * else its page. (Only the lesson's own route shows an explorer in the lesson.)
     */
    public static Placement pageOrEmbedded(Fields fields) {
        return of(fields) == EMBED ? EMBED : PAGE;
    }

    /**
     * How many levels an explorer's headings go down from those on its own page: one in the lesson,
     * where it sits in a section of its own, two nested in another result.
     */
    public int headingShift() {
        return this == LESSON || this == SLICE ? 1 : this == NESTED ? 2 : 0;
    }

    /** Whether edits push a URL into the address bar: not inside the lesson, whose address stays /. */
    public boolean pushesUrl() {
        return this != LESSON;
    }

    /**
     * The URL a state is shown at, given its page's URL: the same with {@code embed=1} kept when
     * embedded, so the iframe stays bare after an edit.
     */
    public String address(String stateUrl) {
        return this == EMBED ? stateUrl + "&" + EMBED_PARAM + "=1" : stateUrl;
    }

    /**
     * The placement a post answers in. The lesson's explorers are updated in place by htmx; a post
     * from the lesson without it (no JavaScript) is answered on the explorer's own page, with the
     * headings of a page and no lesson field to carry on.
     */
    public static Placement answering(Placement from, boolean fragment) {
        return from == LESSON && !fragment ? PAGE : from;
    }

    /** The placement a request asks for: {@code embed=1}, {@code lesson=1} (a post from the lesson), or neither. */
    public static Placement of(Fields fields) {
        if ("1".equals(fields.first(EMBED_PARAM))) {
            return EMBED;
        }
        if ("1".equals(fields.first(LESSON_PARAM))) {
            return LESSON;
        }
        return PAGE;
    }
}
