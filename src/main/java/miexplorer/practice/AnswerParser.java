package miexplorer.practice;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.DoubleBinaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.objecthunter.exp4j.ExpressionBuilder;
import net.objecthunter.exp4j.function.Function;

/**
 * Reads an answer as a person writes it on paper: a decimal (0.379), a fraction (9/25), a
 * percentage (36%), or arithmetic such as {@code 0.4*0.811 + 0.6*0.391},
 * {@code -(0.75*log2(0.75) + 0.25*log2(0.25))}, {@code ln(2)} or {@code 1 - 0.593}.
 *
 * <p>Arithmetic is evaluated by exp4j, but only after every character and name has been checked
 * against this class's own list, so none of exp4j's other functions (sin, abs, its {@code log}
 * meaning ln), constants (pi, e), modulo operator or implicit multiplication ever applies:
 * <ul>
 *   <li>numbers with a decimal point, + − × ÷ (also written - * /), ^ or ** for powers, parentheses;</li>
 *   <li>a percent sign straight after a number: 36% is 0.36;</li>
 *   <li>log2(x), ln(x), log10(x), log(x, b) (logarithm of x to base b), exp(x), sqrt(x).</li>
 * </ul>
 * Anything else, an empty answer, and a value that is not finite (log(0), 1/0) are refused with
 * an {@link AnswerFormatException} whose message names the problem and lists what is accepted.
 */
public final class AnswerParser {

    /** The sentence that ends every refusal. */
    public static final String ACCEPTED = "Accepted: a number (0.379), a fraction (9/25), a percentage (36%), "
            + "or arithmetic with + − × ÷ ^ and parentheses using log2(x), ln(x), log10(x), log(x, b), exp(x) and sqrt(x).";

    private static final double LN_2 = Math.log(2);
    private static final Pattern PLAIN = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)");
    private static final Pattern PERCENT = Pattern.compile("(\\d+\\.?\\d*|\\.\\d+)\\s*%");
    private static final Set<String> CONSTANTS = Set.of("e", "pi", "π", "phi", "φ", "inf", "infinity", "nan");

    private static final List<Function> FUNCTIONS = List.of(
            function("log2", 1, (x, b) -> Math.log(x) / LN_2),
            function("ln", 1, (x, b) -> Math.log(x)),
            function("log10", 1, (x, b) -> Math.log10(x)),
            function("log", 2, (x, b) -> Math.log(x) / Math.log(b)),
            function("exp", 1, (x, b) -> Math.exp(x)),
            function("sqrt", 1, (x, b) -> Math.sqrt(x)));

    private AnswerParser() {
    }

    private static Function function(String name, int arguments, DoubleBinaryOperator f) {
        return new Function(name, arguments) {
            @Override
            public double apply(double... args) {
                return f.applyAsDouble(args[0], args.length > 1 ? args[1] : Double.NaN);
            }
        };
    }

    private static Function named(String name) {
        for (Function f : FUNCTIONS) {
            if (f.getName().equals(name)) {
                return f;
            }
        }
        return null;
    }

    /** One number. @throws AnswerFormatException when {@code typed} is not one of the accepted forms */
    public static double number(String typed) {
        String s = normalise(typed);
        if (s.isEmpty()) {
            throw refuse("The answer is empty.");
        }
        if (PLAIN.matcher(s).matches()) {
            return Double.parseDouble(s);
        }
        Matcher m = PERCENT.matcher(s);
        s = m.replaceAll("($1/100)");
        check(s);
        double v;
        try {
            v = new ExpressionBuilder(s).functions(FUNCTIONS).implicitMultiplication(false).build().evaluate();
        } catch (ArithmeticException e) {
            throw refuse("The expression divides by 0.");
        } catch (RuntimeException e) {
            // exp4j's own messages speak of operand stacks and output queues; say it plainly instead.
            throw refuse("“" + typed.strip() + "” cannot be read as arithmetic: check that every operator has a number "
                    + "on each side and that the parentheses match.");
        }
        if (!Double.isFinite(v)) {
            throw refuse("The expression has no finite value (a logarithm of 0 or of a negative number, "
                    + "the square root of a negative number, or a number too large).");
        }
        return v;
    }

    /**
     * {@code count} numbers separated by commas or semicolons outside parentheses (so
     * {@code log(8, 2)} stays one entry), each in any form {@link #number} accepts.
     */
    public static double[] numbers(String typed, int count) {
        List<String> parts = split(typed == null ? "" : typed);
        if (parts.size() == 1 && parts.get(0).isBlank()) {
            throw new AnswerFormatException("The answer is empty: " + count + " numbers are expected, separated by commas "
                    + "or semicolons. Each can be " + ACCEPTED.substring("Accepted: ".length()));
        }
        if (parts.size() != count) {
            throw new AnswerFormatException(count + " numbers are expected, separated by commas or semicolons; there are "
                    + parts.size() + ". Each can be " + ACCEPTED.substring("Accepted: ".length()));
        }
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            try {
                v[i] = number(parts.get(i));
            } catch (AnswerFormatException e) {
                throw new AnswerFormatException("Number " + (i + 1) + " of " + count + ": " + e.getMessage());
            }
        }
        return v;
    }

    /** A choice between two options: A or B, first or second, in any case. @return "A" or "B" */
    public static String choice(String typed) {
        String s = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        switch (s) {
            case "a", "first" -> {
                return "A";
            }
            case "b", "second" -> {
                return "B";
            }
            default -> throw new AnswerFormatException((s.isEmpty() ? "The answer is empty. " : "“" + typed.strip()
                    + "” is not one of the options. ") + "Accepted: A or B (or first or second).");
        }
    }

    /** The text split at commas and semicolons outside parentheses. */
    private static List<String> split(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if ((c == ',' || c == ';') && depth == 0) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    /** The Unicode operators as ASCII, ** as ^, and no surrounding space. */
    private static String normalise(String typed) {
        if (typed == null) {
            return "";
        }
        return typed.strip().replace('×', '*').replace('÷', '/').replace('−', '-').replace("**", "^");
    }

    /**
     * Checks every character and name against the accepted ones, and that each function gets its
     * number of arguments, before exp4j sees the text.
     */
    private static void check(String s) {
        Deque<Frame> frames = new ArrayDeque<>();
        String function = null;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                int start = i;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                    i++;
                }
                String name = s.substring(start, i);
                if (named(name) == null) {
                    throw refuse("“" + name + "” is not accepted: " + (CONSTANTS.contains(name.toLowerCase(Locale.ROOT))
                            ? "constants are not, only numbers (write exp(1) for e)."
                            : "the only names are the functions log2, ln, log10, log(x, b), exp and sqrt."));
                }
                while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                if (i == s.length() || s.charAt(i) != '(') {
                    throw refuse("“" + name + "” needs its argument in parentheses, as in " + example(name) + ".");
                }
                function = name;
                continue;
            }
            if (c == '(') {
                frames.push(new Frame(function));
                function = null;
            } else if (c == ')') {
                Frame f = frames.poll();
                if (f == null) {
                    throw refuse("A closing parenthesis has no opening one.");
                }
                f.close();
            } else if (c == ',' || c == ';') {
                Frame f = frames.peek();
                if (f == null || c == ';') {
                    throw refuse("One number is expected. For decimals write a point (0.379), not a comma.");
                }
                f.comma();
            } else if (c == '%') {
                throw refuse("A percent sign goes straight after a number, as in 36%.");
            } else if (!(Character.isDigit(c) || c == '.' || Character.isWhitespace(c) || "+-*/^".indexOf(c) >= 0)) {
                throw refuse("“" + c + "” is not accepted.");
            }
            i++;
        }
        if (!frames.isEmpty()) {
            throw refuse("An opening parenthesis is not closed.");
        }
    }

    private static String example(String name) {
        return name.equals("log") ? "log(8, 2)" : name + "(2)";
    }

    private static AnswerFormatException refuse(String problem) {
        return new AnswerFormatException(problem + " " + ACCEPTED);
    }

    /** An open parenthesis: a function's (with its name) or a plain group (name null). */
    private static final class Frame {
        private final String function;
        private int commas;

        Frame(String function) {
            this.function = function;
        }

        void comma() {
            if (!"log".equals(function)) {
                throw refuse("A comma inside parentheses belongs only in log(x, b), between the number and the base.");
            }
            commas++;
        }

        void close() {
            if ("log".equals(function) && commas != 1) {
                throw refuse("log takes a number and a base, as in log(8, 2); for one number use log2, ln or log10.");
            }
        }
    }
}
