package miexplorer.practice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every form of answer a person writes on paper, and everything else refused with words that say why. */
class AnswerParserTest {
    private static final double EXACT = 1e-12;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0.379                                  | 0.379",
        "  .5                                   | 0.5",
        "-0.25                                  | -0.25",
        "9/25                                   | 0.36",
        "36%                                    | 0.36",
        "12.5 %                                 | 0.125",
        "1 - 50%                                | 0.5",
        "0.4*0.811 + 0.6*0.391                  | 0.5590",
        "1 - 0.593                              | 0.407",
        "ln(2)                                  | 0.6931471805599453",
        "log2(8)                                | 3",
        "log10(1000)                            | 3",
        "log(8, 2)                              | 3",
        "log(100,10) + log(9, 3)                | 4",
        "exp(0)                                 | 1",
        "sqrt(2)^2                              | 2",
        "2^-1                                   | 0.5",
        "2**3                                   | 8",
        "-2^2                                   | -4",
        "0.4 × 0.811 + 0.6 × 0.391              | 0.5590",
        "9 ÷ 25                                 | 0.36",
        "1 − 0.593                              | 0.407",
    })
    void accepts_what_a_person_writes(String typed, double value) {
        assertEquals(value, AnswerParser.number(typed), 1e-12);
    }

    @Test
    void accepts_the_entropy_of_a_column_written_out_in_full() {
        // −(0.75 log2 0.75 + 0.25 log2 0.25) = 0.75 × 0.4150375 + 0.25 × 2 = 0.8112781
        assertEquals(0.8112781244591328, AnswerParser.number("-(0.75*log2(0.75) + 0.25*log2(0.25))"), EXACT);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sin(1)     | “sin” is not accepted: the only names are the functions log2, ln, log10, log(x, b), exp and sqrt.",
        "abs(-1)    | “abs” is not accepted",
        "pi         | “pi” is not accepted: constants are not, only numbers",
        "e          | “e” is not accepted: constants are not",
        "2*e        | “e” is not accepted",
        "1e-3       | “e” is not accepted",
        "2x         | “x” is not accepted",
        "log(8)     | log takes a number and a base, as in log(8, 2)",
        "log(0)     | log takes a number and a base, as in log(8, 2); for one number use log2, ln or log10.",
        "log2(0)    | The expression has no finite value (a logarithm of 0",
        "log(8,2,3) | log takes a number and a base",
        "ln(2, 3)   | A comma inside parentheses belongs only in log(x, b)",
        "ln 2       | “ln” needs its argument in parentheses, as in ln(2).",
        "1/0        | The expression divides by 0.",
        "log(0, 2)  | The expression has no finite value",
        "ln(0)      | The expression has no finite value",
        "sqrt(-1)   | The expression has no finite value",
        "10^400     | The expression has no finite value",
        "(5) % 3    | A percent sign goes straight after a number, as in 36%.",
        "%          | A percent sign goes straight after a number",
        "0,379      | One number is expected. For decimals write a point (0.379), not a comma.",
        "1;2        | One number is expected.",
        "(1         | An opening parenthesis is not closed.",
        "1)         | A closing parenthesis has no opening one.",
        "1 +        | “1 +” cannot be read as arithmetic",
        "2 3        | “2 3” cannot be read as arithmetic",
        "2(3)       | “2(3)” cannot be read as arithmetic",
        "0.5.3      | “0.5.3” cannot be read as arithmetic",
        "x = 0.3    | “x” is not accepted",
        "√2         | “√” is not accepted.",
        "0.3!       | “!” is not accepted.",
    })
    void refuses_everything_else_and_says_what_is_accepted(String typed, String words) {
        AnswerFormatException e = assertThrows(AnswerFormatException.class, () -> AnswerParser.number(typed));
        assertTrue(e.getMessage().startsWith(words), e.getMessage());
        assertTrue(e.getMessage().endsWith(AnswerParser.ACCEPTED), e.getMessage());
    }

    @Test
    void refuses_an_empty_answer() {
        for (String typed : new String[] {"", "   ", null}) {
            AnswerFormatException e = assertThrows(AnswerFormatException.class, () -> AnswerParser.number(typed));
            assertEquals("The answer is empty. " + AnswerParser.ACCEPTED, e.getMessage());
        }
    }

    @Test
    void a_vector_is_split_at_commas_and_semicolons_outside_parentheses() {
        assertArrayEquals(new double[] {3, 0.25, 0.36}, AnswerParser.numbers("log(8, 2), 1/4; 36%", 3), EXACT);
        assertArrayEquals(new double[] {0.2, 0.8}, AnswerParser.numbers(" 0.2 ;0.8 ", 2), EXACT);
    }

    @Test
    void a_vector_of_the_wrong_length_or_with_a_bad_entry_is_refused() {
        AnswerFormatException e = assertThrows(AnswerFormatException.class, () -> AnswerParser.numbers("0.2, 0.8", 3));
        assertTrue(e.getMessage().startsWith("3 numbers are expected, separated by commas or semicolons; there are 2."),
                e.getMessage());
        e = assertThrows(AnswerFormatException.class, () -> AnswerParser.numbers("0.2, sin(1), 0.3", 3));
        assertTrue(e.getMessage().startsWith("Number 2 of 3: “sin” is not accepted"), e.getMessage());
        e = assertThrows(AnswerFormatException.class, () -> AnswerParser.numbers("", 3));
        assertTrue(e.getMessage().startsWith("The answer is empty: 3 numbers are expected"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"A, A", "a, A", " first , A", "FIRST, A", "b, B", "B, B", "Second, B"})
    void a_choice_is_a_letter_or_first_or_second(String typed, String letter) {
        assertEquals(letter, AnswerParser.choice(typed));
    }

    @Test
    void any_other_choice_is_refused() {
        AnswerFormatException e = assertThrows(AnswerFormatException.class, () -> AnswerParser.choice("C"));
        assertEquals("“C” is not one of the options. Accepted: A or B (or first or second).", e.getMessage());
        e = assertThrows(AnswerFormatException.class, () -> AnswerParser.choice(" "));
        assertEquals("The answer is empty. Accepted: A or B (or first or second).", e.getMessage());
    }
}
