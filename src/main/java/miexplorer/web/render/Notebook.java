package miexplorer.web.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A Jupyter notebook (nbformat 4.5) as JSON: markdown and code cells, not yet run (no outputs), for
 * a Python 3 kernel. It opens in Jupyter and in Colab, and runs from top to bottom.
 *
 * <p>The JSON is plain ASCII (every other character written as a JSON escape, backslash u and four hex digits), so the file
 * means the same whatever a client takes its encoding to be.
 */
public final class Notebook {
    /** The media type Jupyter's own server sends notebooks with. */
    public static final String MEDIA_TYPE = "application/x-ipynb+json";

    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private Notebook() {
    }

    /** One cell: markdown to read, or Python to run. */
    public record Cell(boolean code, String source) {
        public static Cell markdown(String text) {
            return new Cell(false, text);
        }

        public static Cell code(String source) {
            return new Cell(true, source);
        }
    }

    /** The notebook holding {@code cells} in order, as nbformat 4.5 JSON. */
    public static String json(List<Cell> cells) {
        ObjectNode nb = JSON.createObjectNode();
        ArrayNode out = nb.putArray("cells");
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            ObjectNode cell = out.addObject();
            cell.put("cell_type", c.code() ? "code" : "markdown");
            if (c.code()) {
                cell.putNull("execution_count");
            }
            cell.put("id", "cell-" + (i + 1)); // nbformat 4.5: unique, letters, digits, - and _
            cell.putObject("metadata");
            if (c.code()) {
                cell.putArray("outputs");
            }
            ArrayNode source = cell.putArray("source");
            lines(c.source().strip()).forEach(source::add);
        }
        ObjectNode meta = nb.putObject("metadata");
        ObjectNode kernel = meta.putObject("kernelspec");
        kernel.put("display_name", "Python 3");
        kernel.put("language", "python");
        kernel.put("name", "python3");
        meta.putObject("language_info").put("name", "python");
        nb.put("nbformat", 4);
        nb.put("nbformat_minor", 5);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(nb) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a tree of strings always serialises
        }
    }

    /** The text as nbformat stores it: a list of lines, each but the last keeping its line break. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
            lines.add(text.substring(start, i + 1));
            start = i + 1;
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }
}
