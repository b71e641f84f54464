package miexplorer.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Worksheets: each student's own numbers, made again from the sheet's settings and the identifier. */
class WorksheetTest {
    private static final List<ExerciseKind> KINDS = List.of(ExerciseKind.MUTUAL_INFORMATION, ExerciseKind.SOFTMAX_WEIGHTS);

    @Test
    void a_sheet_lists_n_of_each_kind_in_turn_with_stable_seeds() {
        Worksheet sheet = new Worksheet(KINDS, 3, Level.EASY, 42, "");
        List<Worksheet.Item> items = sheet.items();
        assertEquals(6, items.size());
        assertEquals(List.of(1, 2, 3, 4, 5, 6), items.stream().map(Worksheet.Item::number).toList());
        assertEquals(ExerciseKind.MUTUAL_INFORMATION, items.get(2).kind());
        assertEquals(ExerciseKind.SOFTMAX_WEIGHTS, items.get(3).kind());
        assertEquals(items, new Worksheet(KINDS, 3, Level.EASY, 42, "").items(), "the same settings, the same sheet");
        assertEquals(3, items.stream().filter(i -> i.kind() == ExerciseKind.MUTUAL_INFORMATION).map(Worksheet.Item::seed).distinct().count());
        for (Worksheet.Item i : items) {
            assertTrue(i.seed() >= 0 && i.seed() <= ExerciseKind.MAX_SEED);
        }
        // SHA-256 of "42||mutual-information|0" (Python's hashlib agrees), its first four bytes as a
        // number, low 31 bits: fixed for good, so a key made next year is this year's.
        assertEquals(647833335L, items.get(0).seed());
    }

    @Test
    void every_student_gets_their_own_numbers_and_their_key_can_be_made_again() {
        Worksheet sheet = new Worksheet(KINDS, 2, Level.MEDIUM, 7, "");
        List<Worksheet.Item> ada = sheet.forStudent("ada@example.edu").items();
        List<Worksheet.Item> bob = sheet.forStudent("bob@example.edu").items();
        assertNotEquals(ada.get(0).seed(), bob.get(0).seed());
        assertNotEquals(sheet.items().get(0).seed(), ada.get(0).seed());
        assertEquals(ada, new Worksheet(KINDS, 2, Level.MEDIUM, 7, "  ada@example.edu ").items(), "the identifier is trimmed");
        assertEquals(ada.get(1).exercise().expected(), sheet.forStudent("ada@example.edu").items().get(1).exercise().expected());
    }

    @Test
    void bad_settings_are_refused_with_what_is_wrong() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Worksheet(List.of(), 1, Level.EASY, 1, ""))
                .getMessage().contains("at least one kind"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Worksheet(KINDS, 21, Level.EASY, 1, ""))
                .getMessage().startsWith("n is 21"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Worksheet(KINDS, 1, Level.EASY, -1, ""))
                .getMessage().startsWith("the seed is -1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Worksheet(List.of(ExerciseKind.values()), 4, Level.EASY, 1, ""))
                .getMessage().contains("at most 60"));
    }
}
