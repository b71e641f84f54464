package miexplorer.web.course;

/**
 * What an edit the lesson suggests does to the attention example it embeds: I(query; key), in bits,
 * once the example's first query is {@code firstQuery} (typed as in the form, "0, 2") and the √dₖ
 * scaling is on or off, worked out by the attention explorer's own model. The lesson quotes these
 * numbers in its text; the attention explorer supplies the function.
 */
@FunctionalInterface
public interface AttentionTry {
    double mutualInformation(String firstQuery, boolean scale);
}
