package miexplorer.practice;

/**
 * A typed answer that cannot be read. The message says what was wrong and exactly what is
 * accepted, in words meant to be shown beside the answer field.
 */
public final class AnswerFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public AnswerFormatException(String message) {
        super(message);
    }
}
