package miexplorer.web.explorer;

import miexplorer.web.form.State;

/**
 * A named state of an explorer, linked from its page and shown in the gallery at a stable address
 * ({@code /examples/<slug>}).
 *
 * @param slug lower-case words joined by hyphens, unique across all explorers
 */
public record Preset<I extends State>(String slug, String title, String description, I input) {
    public String url() {
        return input.url();
    }
}
