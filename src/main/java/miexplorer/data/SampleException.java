package miexplorer.data;

/**
 * Samples that cannot be used, with a message for the person who sent them and the setting it
 * concerns ({@code data} for the file itself, {@code x}, {@code y}, {@code bins}, …).
 */
public final class SampleException extends RuntimeException {
    /** What went wrong, so a caller can pick a status: {@link #TOO_LARGE} is a 413, the rest are the client's data. */
    public enum Problem {
        EMPTY, MALFORMED, WRONG_FIELD_COUNT, MISSING_COLUMN, ONE_CATEGORY, BINARY, TOO_LARGE, TOO_MANY_CATEGORIES,
        NO_USABLE_ROWS, BAD_SETTING
    }

    private final Problem problem;
    private final String field;

    public SampleException(Problem problem, String field, String message) {
        super(message);
        this.problem = problem;
        this.field = field;
    }

    public Problem problem() {
        return problem;
    }

    public String field() {
        return field;
    }
}
