package miexplorer.web.explorer;

import gg.jte.Content;

/**
 * A live explorer as another page (the lesson) embeds it: rendered in that page's placement and set
 * to the state the page talks about. Each explorer's routes make theirs and {@code App} hands them to
 * the page, so the page needs no explorer's package.
 *
 * @param content the explorer's markup, rendered where the page puts it
 * @param announcement what a screen reader is told about this state, for the page's live region
 */
public record EmbeddedExplorer(Content content, String announcement) {
}
