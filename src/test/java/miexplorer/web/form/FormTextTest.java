package miexplorer.web.form;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Text as typed, read as numbers, and written back into a URL. */
class FormTextTest {
    @Test
    void url_values_are_encoded_as_url_encoder_encodes_them() {
        String alphabet = "aZ09.-_*~ +/,;%&=?é−\u00A0";
        SplittableRandom random = new SplittableRandom(9);
        for (int k = 0; k < 20_000; k++) {
            StringBuilder b = new StringBuilder();
            for (int n = random.nextInt(8); n > 0; n--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = b.toString();
            assertEquals(java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8),
                    Query.encode(s), s);
        }
    }

    @Test
    void the_decimal_scanner_accepts_exactly_what_the_decimal_pattern_matches() {
        java.util.regex.Pattern decimal = java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
        String alphabet = "0129..+-eE x%/,\u0663";
        SplittableRandom random = new SplittableRandom(10);
        for (int k = 0; k < 50_000; k++) {
            StringBuilder b = new StringBuilder();
            for (int n = random.nextInt(7); n > 0; n--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = b.toString();
            assertEquals(decimal.matcher(s).matches(), NumberInput.isDecimal(s), s);
        }
    }

    @Test
    void number_input_reads_decimals_fractions_and_percentages() {
        assertEquals(0.36, NumberInput.parse("0.36").value(), 0);
        assertEquals(0.36, NumberInput.parse("9/25").value(), 1e-15);
        assertEquals(0.36, NumberInput.parse("36%").value(), 1e-15);
        assertEquals(0.5, NumberInput.parse(" .5 ").value(), 0);
        assertEquals(0.002, NumberInput.parse("2e-3").value(), 0);
        assertEquals(-0.1, NumberInput.parse("\u22120.1").value(), 0);
        assertEquals("“0,36”: write the decimal separator as a point (0.36).", NumberInput.parse("0,36").error());
        assertEquals("“1/0” divides by zero.", NumberInput.parse("1/0").error());
        assertEquals("“1e400” is too large to compute with.", NumberInput.parse("1e400").error());
        assertEquals("NaN (not a number) is not allowed: enter a finite number.", NumberInput.parse("NaN").error());
        assertEquals("Empty. Enter a number (0 is allowed).", NumberInput.parse("  ").error());
    }
}
