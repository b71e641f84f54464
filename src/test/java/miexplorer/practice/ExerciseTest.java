package miexplorer.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import miexplorer.info.LogBase;
import miexplorer.practice.ExerciseData.Table;
import org.junit.jupiter.api.Test;

/** The tutorial's weather table as exercises, worked by hand, and the rules of generation. */
class ExerciseTest {
    private static final double EXACT = 1e-12;

    /** The tutorial's table: rows Rain, Sun (X, the weather); columns forecast rain, forecast sun (Y). */
    static Table weather() {
        return new Table("Weather", "Forecast", List.of("rain", "sun"), List.of("forecast rain", "forecast sun"),
                new double[][] {{0.36, 0.04}, {0.12, 0.48}}, false, LogBase.TWO);
    }

    private static Exercise exercise(Draft d, ExerciseKind kind) {
        assertTrue(d.valid(), "the tutorial's exercise is valid");
        return d.toExercise(kind, 0, Level.EASY);
    }

    @Test
    void the_tutorials_mutual_information_is_right_exactly_and_from_rounding_along_the_way() {
        Exercise e = exercise(TableExercises.mutualInformation(weather()), ExerciseKind.MUTUAL_INFORMATION);
        // H(X) = H(0.4, 0.6) = 0.970951; H(X | Y) = 0.48 × H(0.75, 0.25) + 0.52 × H(1/13, 12/13)
        //      = 0.48 × 0.811278 + 0.52 × 0.391244 = 0.389413 + 0.203447 = 0.592860; I = 0.378090 bits.
        assertEquals(0.378090442, ((Answer.Scalar) e.expected()).value(), 1e-9);
        assertEquals("I(X;Y)", e.asked());
        assertEquals("bits", e.unit());
        assertEquals(3, e.digits());

        Verdict exact = e.check("0.378");
        assertTrue(exact.correct());
        assertFalse(exact.fromRounding());
        assertEquals("Right: I(X;Y) = 0.3781 bits.", exact.message());

        // The tutorial rounds along the way: 0.48 × 0.811 = 0.389, 0.52 × 0.391 = 0.203, H(X | Y) = 0.592,
        // I = 0.971 − 0.592 = 0.379: 0.001 above the exact value's 0.378, and right.
        Verdict rounded = e.check("0.379");
        assertTrue(rounded.correct());
        assertTrue(rounded.fromRounding());
        assertEquals("Right: exactly 0.3781 bits; your 0.379 comes from rounding along the way.", rounded.message());
        assertTrue(e.routes().stream().anyMatch(r -> r.id().equals("h-x-minus-h-x-given-y/steps")
                && Math.abs(((Answer.Scalar) r.value()).value() - 0.379) < EXACT), e.routes().toString());
        assertTrue(e.check("0.971 - (0.389 + 0.203)").fromRounding());
        // Without rounding the products, 0.971 − (0.38928 + 0.20332) = 0.3784 is within half a unit of 0.37809.
        assertFalse(e.check("0.971 - (0.48*0.811 + 0.52*0.391)").fromRounding());

        // In nats: 0.378090 × ln 2 = 0.262072.
        Verdict nats = e.check("0.262");
        assertFalse(nats.correct());
        assertEquals("wrong-base", nats.mistake());
        assertEquals("log-base", nats.step());
        assertTrue(nats.message().startsWith("Not quite: That is the value in nats or hartleys"), nats.message());

        Verdict negative = e.check("-0.378");
        assertEquals("sign", negative.mistake());

        Verdict wrong = e.check("0.5");
        assertFalse(wrong.correct());
        assertNull(wrong.mistake());
        assertEquals("Not right: 0.5 is not I(X;Y) to 3 decimals.", wrong.message());
    }

    @Test
    void the_tutorials_conditional_entropy_names_the_swapped_and_the_unweighted_mistakes() {
        Exercise e = exercise(TableExercises.conditionalEntropy(weather(), false), ExerciseKind.CONDITIONAL_ENTROPY);
        assertEquals("H(X|Y)", e.asked());
        assertEquals(0.592860153, ((Answer.Scalar) e.expected()).value(), 1e-9);
        assertTrue(e.check("0.593").correct());
        // 0.389 + 0.203 = 0.592, the tutorial's figure.
        assertTrue(e.check("0.592").fromRounding());

        // H(Y | X) = 0.4 × H(0.9, 0.1) + 0.6 × H(0.2, 0.8) = 0.4 × 0.468996 + 0.6 × 0.721928 = 0.620755.
        Verdict swapped = e.check("0.621");
        assertFalse(swapped.correct());
        assertEquals("swapped-conditional", swapped.mistake());
        assertEquals("conditional-rows", swapped.step());

        // (0.811278 + 0.391244) / 2 = 0.601261: the two columns' entropies without their weights 0.48 and 0.52.
        Verdict unweighted = e.check("(0.811 + 0.391)/2");
        assertFalse(unweighted.correct());
        assertEquals("unweighted-average", unweighted.mistake());
        assertEquals("weighting", unweighted.step());

        // H(X, Y) = H(0.36, 0.04, 0.12, 0.48) = 0.530615 + 0.185754 + 0.367067 + 0.508267 = 1.591703; H(X) = 0.970951.
        assertEquals("joint-for-conditional", e.check("1.592").mistake());
        assertEquals("marginal-for-conditional", e.check("0.971").mistake());
        assertEquals("wrong-base", e.check("0.411").mistake()); // 0.592860 × ln 2 = 0.410938 nats
    }

    @Test
    void the_tutorials_first_step_and_its_column_entropies() {
        Exercise h = exercise(TableExercises.marginalEntropy(weather(), false), ExerciseKind.MARGINAL_ENTROPY);
        // −(0.4 × (−1.322) + 0.6 × (−0.737)) = −(−0.529 − 0.442) = 0.971, the tutorial's rounding, equal to the exact 0.97095 to 3 decimals.
        assertTrue(h.check("-(0.4*log2(0.4) + 0.6*log2(0.6))").correct());
        assertTrue(h.check("0.971").correct());
        assertEquals("sign", h.check("-0.971").mistake());
        assertEquals("wrong-marginal", h.check("0.999").mistake()); // H(Y) = H(0.48, 0.52) = 0.998846

        Exercise sun = exercise(TableExercises.entropyGivenValue(weather(), 1), ExerciseKind.ENTROPY_GIVEN_VALUE);
        // H(1/13, 12/13) = 0.391244; the tutorial's 0.077 and 0.923 with logs −3.70 and −0.115 give 0.391 too.
        assertTrue(sun.check("0.391").correct());
        assertTrue(sun.check("-(0.077*log2(0.077) + 0.923*log2(0.923))").correct());
        // 0.52 × 0.391244 = 0.203447, the column's share of H(X | Y).
        assertEquals("weighted-share", sun.check("0.203").mistake());
    }

    @Test
    void probabilities_read_from_the_table() {
        Exercise px = exercise(TableExercises.marginalProbability(weather(), 0), ExerciseKind.MARGINAL_PROBABILITY);
        assertTrue(px.check("0.4").correct());
        assertTrue(px.check("40%").correct());
        assertTrue(px.check("0.36 + 0.04").correct());
        assertEquals("cell-for-marginal", px.check("0.36").mistake());
        assertEquals("wrong-marginal", px.check("0.48").mistake());

        Exercise given = exercise(TableExercises.conditionalProbability(weather(), 0, 0), ExerciseKind.CONDITIONAL_PROBABILITY);
        // P(rain | forecast rain) = 0.36 / 0.48 = 0.75; P(forecast rain | rain) = 0.36 / 0.40 = 0.9.
        assertTrue(given.check("3/4").correct());
        assertTrue(given.check("0.36/0.48").correct());
        assertEquals("swapped-conditional", given.check("0.9").mistake());
        assertEquals("joint-for-conditional", given.check("0.36").mistake());
        assertEquals("marginal-for-conditional", given.check("0.4").mistake());
    }

    @Test
    void the_co_informations_sign_is_named_redundancy_or_synergy() {
        boolean positive = false;
        boolean negative = false;
        for (int seed = 0; seed < 50; seed++) {
            Exercise e = ExerciseKind.CO_INFORMATION.generate(seed, Level.EASY);
            double co = ((Answer.Scalar) e.expected()).value();
            Verdict v = e.check(Decimals.plain(co));
            assertTrue(v.correct());
            if (co > 0) {
                positive = true;
                assertTrue(v.message().endsWith("It is positive: redundancy. Z accounts for part of what X and Y share, "
                        + "so knowing Z leaves them sharing less."), v.message());
            } else {
                negative = true;
                assertTrue(v.message().endsWith("It is negative: synergy. Knowing Z makes X and Y share more than they "
                        + "do on their own."), v.message());
            }
            assertEquals("sign", e.check(Decimals.plain(-co)).mistake());
        }
        assertTrue(positive && negative, "both signs turn up in 50 seeds");
    }

    @Test
    void a_seed_outside_0_to_2_to_the_31_minus_1_is_refused_by_value() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExerciseKind.MUTUAL_INFORMATION.generate(-1, Level.EASY));
        assertEquals("the seed is -1; it must be a whole number from 0 to 2147483647", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ExerciseKind.MUTUAL_INFORMATION.generate(1L << 31, Level.EASY));
        assertTrue(e.getMessage().startsWith("the seed is 2147483648;"), e.getMessage());
        ExerciseKind.MUTUAL_INFORMATION.generate(Integer.MAX_VALUE, Level.HARD);
    }

    @Test
    void kinds_and_levels_are_found_by_their_ids() {
        for (ExerciseKind k : ExerciseKind.values()) {
            assertEquals(k, ExerciseKind.fromId(k.id()));
            assertTrue(k.id().matches("[a-z]+(-[a-z]+)*"), k.id());
        }
        for (Level l : Level.values()) {
            assertEquals(l, Level.fromKey(l.key()));
        }
        assertNull(ExerciseKind.fromId("nope"));
        assertNull(Level.fromKey("EASY"));
    }

    @Test
    void every_section_of_the_lesson_but_the_summary_has_an_exercise_and_there_are_at_least_twelve_kinds() {
        List<String> sections = List.of("what-to-know-first", "core-idea", "entropy", "conditional-entropy",
                "mutual-information", "worked-example", "properties", "three-variables", "attention", "attention-live",
                "from-counts");
        for (String s : sections) {
            assertTrue(List.of(ExerciseKind.values()).stream().anyMatch(k -> k.section().equals(s)), s);
        }
        assertTrue(ExerciseKind.values().length >= 12);
    }

    @Test
    void an_answer_that_cannot_be_read_is_refused_with_what_is_accepted() {
        Exercise e = ExerciseKind.MUTUAL_INFORMATION.generate(7, Level.EASY);
        AnswerFormatException x = assertThrows(AnswerFormatException.class, () -> e.check("sin(1)"));
        assertTrue(x.getMessage().endsWith(AnswerParser.ACCEPTED));
        Exercise w = ExerciseKind.SOFTMAX_WEIGHTS.generate(7, Level.EASY);
        x = assertThrows(AnswerFormatException.class, () -> w.check("0.5, 0.5"));
        assertTrue(x.getMessage().startsWith("3 numbers are expected"), x.getMessage());
        assertEquals("Not right: those are not the weights to 3 decimals.", w.check("0.9, 0.05, 0.05").message());
        Exercise c = ExerciseKind.COMPARE_TABLES.generate(7, Level.EASY);
        assertThrows(AnswerFormatException.class, () -> c.check("C"));
    }
}
