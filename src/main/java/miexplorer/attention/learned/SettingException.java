package miexplorer.attention.learned;

/**
 * A setting of the experiment outside what is allowed. The message names the setting and its
 * allowed range; {@link #field()} is the name of the {@link ExperimentSpec} component it concerns
 * ({@code positions}, {@code relevances}, {@code learningRate}, …), so a form can show it beside the
 * right input.
 */
public final class SettingException extends IllegalArgumentException {
    private final String field;

    public SettingException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
