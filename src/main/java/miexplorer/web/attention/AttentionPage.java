package miexplorer.web.attention;

/**
 * The whole attention page around the explorer: its title, description and canonical link (for
 * link previews), and the explorer's view.
 */
public record AttentionPage(AttentionView view, String title, String description, String canonical) {
    static final String TITLE = "Attention explorer · MI Explorer";
    static final String DESCRIPTION =
            "Scaled dot-product attention worked out step by step: scores, the √dₖ scaling, the softmax, the weights, their entropy.";

    static AttentionPage of(AttentionView view) {
        return new AttentionPage(view, TITLE, view.ok() ? view.announcement() + " " + DESCRIPTION : DESCRIPTION,
                view.absoluteUrl());
    }
}
