package miexplorer.web.experiments;

/**
 * The learned-attention experiment as a whole page: at its own address, or as a gallery example.
 *
 * @param canonical the page's absolute canonical URL, or null when its settings have mistakes
 * @param title the document's title
 * @param heading the page's heading
 */
public record LearnedPage(LearnedView view, String canonical, String title, String heading) {
    public static final String HEADING = "Does attention find the informative positions?";
    public static final String TITLE = HEADING + " · MI Explorer";
    public static final String DESCRIPTION =
            "Train a one-step attention model on made-up sequences and compare where it looks with I(y; xᵢ) at each position.";
}
