package miexplorer.web.render;

import java.util.ArrayList;
import java.util.List;

/**
 * A computation in Python (NumPy) written once, as steps in the order a page works them: each step
 * says in markdown what it computes and holds the code that computes it. Read top to bottom it is
 * the exported script ({@link #script}); a markdown and a code cell a step, it is the exported
 * notebook ({@link #notebook}). Both are made from the same code, so they print the same numbers.
 *
 * <p>Markdown is ours, never a user's text: names and labels belong in the code, as escaped string
 * literals ({@link Python}).
 */
public final class PythonSteps {
    private final List<Step> steps = new ArrayList<>();

    /**
     * One step.
     *
     * @param markdown what it computes, for the notebook (LaTeX between {@code $…$} allowed); empty for none
     * @param code the Python, the same in the script and in the notebook's cell
     */
    public record Step(String markdown, String code) {
    }

    /** Adds a step; returns this, to add the next. */
    public PythonSteps add(String markdown, String code) {
        steps.add(new Step(markdown, code));
        return this;
    }

    /** Adds a step made elsewhere; returns this. */
    public PythonSteps add(Step step) {
        steps.add(step);
        return this;
    }

    public List<Step> steps() {
        return List.copyOf(steps);
    }

    /** The script: {@code header} (its opening comments), then each step's code, two blank lines between two steps (PEP 8). */
    public String script(String header) {
        StringBuilder s = new StringBuilder(header);
        for (int i = 0; i < steps.size(); i++) {
            s.append(i > 0 ? "\n\n" : "").append(steps.get(i).code().strip()).append('\n');
        }
        return s.toString();
    }

    /**
     * The notebook: a title cell that links the state's page ({@code stateUrl}, absolute) and says how to
     * run it, then for each step a markdown cell (when it has one) and its code cell.
     */
    public String notebook(String title, String stateUrl) {
        return notebook("# " + title + "\n\nThe steps MI Explorer works for [this state](" + stateUrl + "), in the page's order,"
                + " each computed with NumPy. Run the cells from top to bottom (in Jupyter, or after uploading the file to Colab);"
                + " the last one prints the numbers the page shows, as the page's Python script prints them.");
    }

    /** The notebook: {@code intro} (markdown), then for each step a markdown cell (when it has one) and its code cell. */
    public String notebook(String intro) {
        List<Notebook.Cell> cells = new ArrayList<>();
        cells.add(Notebook.Cell.markdown(intro));
        for (Step step : steps) {
            if (!step.markdown().isBlank()) {
                cells.add(Notebook.Cell.markdown(step.markdown()));
            }
            cells.add(Notebook.Cell.code(step.code()));
        }
        return Notebook.json(cells);
    }
}
