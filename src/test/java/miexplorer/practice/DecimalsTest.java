package miexplorer.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Rounding as a person does it, and where the tolerance's edges fall. */
class DecimalsTest {

    @Test
    void halves_round_away_from_zero_even_when_the_double_falls_just_short() {
        // 0.5 × 0.811 = 0.4055 exactly on paper; the double product is 0.40549999999999997.
        assertEquals(0.406, Decimals.round(0.5 * 0.811, 3), 0);
        assertEquals(0.406, Decimals.round(0.4055, 3), 0);
        assertEquals(-0.442, Decimals.round(0.6 * -0.737, 3), 0); // −0.4422
        assertEquals(-0.529, Decimals.round(0.4 * -1.322, 3), 0); // −0.5288
        assertEquals(3, Decimals.round(2.5, 0), 0);
        assertEquals(0, Decimals.round(0.0004, 3), 0);
        assertEquals(0.379, Decimals.round(0.971 - 0.592, 3), 0); // 0.37899999999999995
    }

    @Test
    void printing_pads_to_the_asked_decimals_and_never_shows_minus_zero() {
        assertEquals("0.510", Decimals.format(0.51, 3));
        assertEquals("0.000", Decimals.format(-0.0001, 3));
        assertEquals("0.0001", Decimals.format(0.0001, 4));
        assertEquals("18", Decimals.format(18, 0));
        assertEquals("0.379", Decimals.plain(0.971 - 0.592));
        assertEquals("2", Decimals.plain(2.0));
        assertEquals("-0.0296", Decimals.plain(-0.0296));
        assertEquals("0.000121523", Decimals.plain(1.2152343874808568E-4));
    }

    @Test
    void an_answer_is_right_within_half_a_unit_of_the_last_decimal_and_not_beyond() {
        ExerciseData.Table weather = ExerciseTest.weather();
        Exercise h = TableExercises.marginalEntropy(weather, false).toExercise(ExerciseKind.MARGINAL_ENTROPY, 0, Level.EASY);
        // H(0.4, 0.6) = 0.970951; its one route value is 0.971. Right from 0.970451 up; 0.97045 is 0.000501 below.
        assertEquals(List.of(0.971), h.routes().stream().map(r -> ((Answer.Scalar) r.value()).value()).toList());
        assertTrue(h.check("0.97046").correct());
        assertFalse(h.check("0.97046").fromRounding());
        assertFalse(h.check("0.97045").correct());
        // Above, 0.971451 is past the exact value's half unit but within the route's: right, from rounding.
        assertTrue(h.check("0.97146").fromRounding());
        assertFalse(h.check("0.97151").correct());
    }
}
