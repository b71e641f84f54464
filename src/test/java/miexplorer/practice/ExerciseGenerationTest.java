package miexplorer.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import miexplorer.attention.QueryAttention;
import miexplorer.data.ContingencyTable;
import miexplorer.data.SampleEstimates;
import miexplorer.info.Analysis;
import miexplorer.info.JointDistribution;
import miexplorer.info.LogBase;
import miexplorer.info.ThreeWayAnalysis;
import miexplorer.info.ThreeWayDistribution;
import miexplorer.practice.ExerciseData.AttentionRow;
import miexplorer.practice.ExerciseData.Table;
import miexplorer.practice.ExerciseData.TableCell;
import miexplorer.practice.ExerciseData.TablePair;
import miexplorer.practice.ExerciseData.ThreeWayTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every kind and level, 1 000 seeds: the exercise is well formed and deterministic, its
 * answer is the explorers' own number on the same data (Analysis, ThreeWayAnalysis, QueryAttention,
 * SampleEstimates) to 1e-12, the exact answer and every rounded route are accepted, and every value
 * of every mistake is named as that mistake and not accepted.
 */
class ExerciseGenerationTest {
    private static final int SEEDS = 1000;
    private static final double EXACT = 1e-12;
    private static final Set<String> ASKED = Set.of("H(X)", "H(Y)", "H(X,Y)", "H(X|Y)", "H(Y|X)", "H(X|Y=y)", "I(X;Y)",
            "I(X;Y|Z)", "I(X;Y;Z)", "P(x)", "P(x|y)", "H(alpha)", "effectiveKeys", "weights", "missingCell", "choice",
            "plugin", "millerMadow");
    private static final java.util.regex.Pattern KEBAB = java.util.regex.Pattern.compile("[a-z]+(-[a-z]+)*");
    private static final Set<String> UNITLESS = Set.of("P(x)", "P(x|y)", "effectiveKeys", "weights", "missingCell", "choice");

    static Stream<Arguments> kindsAndLevels() {
        List<Arguments> a = new ArrayList<>();
        for (ExerciseKind k : ExerciseKind.values()) {
            for (Level l : k.levels()) {
                a.add(Arguments.of(k, l));
            }
        }
        return a.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kindsAndLevels")
    void a_thousand_seeds_give_well_formed_deterministic_exercises_whose_answers_and_mistakes_are_told_apart(
            ExerciseKind kind, Level level) {
        // Seeds are independent and generation shares no mutable state, so both cores take a share.
        IntStream.range(0, SEEDS).parallel().forEach(seed -> {
            Exercise e = kind.generate(seed, level);
            String where = kind.id() + " " + level.key() + " seed " + seed + ": ";
            Exercise again = kind.generate(seed, level);
            assertEquals(canonical(e), canonical(again), () -> where + "the same triple gives the same exercise");
            assertEquals(e, again, where);
            verify(e, where);
        });
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kindsAndLevels")
    void the_fallback_exists_and_is_a_valid_exercise(ExerciseKind kind, Level level) {
        Exercise e = kind.generate(12345, level, 0);
        assertEquals(12345, e.seed());
        verify(e, kind.id() + " " + level.key() + " fallback: ");
        assertEquals(canonical(e).replace("seed 12345", "seed 99"), canonical(kind.generate(99, level, 0)));
    }

    @Test
    void different_seeds_give_different_exercises() {
        for (ExerciseKind k : ExerciseKind.values()) {
            assertFalse(k.generate(1, Level.MEDIUM).data().equals(k.generate(2, Level.MEDIUM).data()), k.id());
        }
    }

    /**
     * The exercise written out in full, numbers as Double.toString prints them: what is shown, what
     * is right, and every mistake. (Built here rather than with the records' own toString, which
     * costs seconds over 48 000 exercises.)
     */
    static String canonical(Exercise e) {
        StringBuilder b = new StringBuilder(2048).append(e.kind().id()).append(" seed ").append(e.seed()).append(' ')
                .append(e.level().key()).append('\n').append(e.question()).append('\n').append(e.asked()).append(" in ")
                .append(e.unit()).append(" to ").append(e.digits()).append('\n').append(e.data()).append('\n');
        answer(b.append("expected "), e.expected()).append('\n').append(e.note()).append('\n');
        for (Route r : e.routes()) {
            answer(b.append("route ").append(r.id()).append(' '), r.value()).append(' ').append(r.description()).append('\n');
        }
        for (Mistake m : e.mistakes()) {
            b.append("mistake ").append(m.id()).append(' ').append(m.step()).append(' ').append(m.message());
            for (Answer v : m.values()) {
                answer(b.append(' '), v);
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static StringBuilder answer(StringBuilder b, Answer a) {
        if (a instanceof Answer.Scalar s) {
            return b.append(s.value());
        }
        if (a instanceof Answer.Vector v) {
            for (double x : v.values()) {
                b.append(x).append(';');
            }
            return b;
        }
        return b.append(((Answer.Choice) a).letter());
    }

    /** Every property the brief asks of one exercise. */
    static void verify(Exercise e, String where) {
        assertTrue(ASKED.contains(e.asked()), () -> where + e.asked());
        assertTrue(e.kind().asked().contains(e.asked()), () -> where + e.asked());
        if (UNITLESS.contains(e.asked())) {
            assertEquals("", e.unit(), where);
        } else {
            assertTrue(Set.of("bits", "nats", "hartleys").contains(e.unit()), () -> where + e.unit());
        }
        assertTrue(e.digits() >= 0 && e.digits() <= 4, () -> where + e.digits());
        assertEquals(e.digits() == 0, e.asked().equals("missingCell") || e.asked().equals("choice"), () -> where + e.digits());
        assertTrue(e.question().contains(e.digits() > 0 ? e.digits() + " decimals" : e.asked().equals("choice")
                ? "Answer A or B" : "whole number"), () -> where + e.question());
        if (!e.unit().isEmpty()) {
            assertTrue(e.question().contains(" in " + e.unit() + " "), () -> where + e.question());
        }
        assertReference(e, where);
        acceptsRightAnswers(e, where);
        namesMistakes(e, where);
    }

    /** The expected answer is the explorers' number on the exercise's own data. */
    private static void assertReference(Exercise e, String where) {
        ExerciseData data = e.data();
        switch (e.asked()) {
            case "P(x)", "P(x|y)", "H(X|Y=y)", "missingCell" -> {
                TableCell c = (TableCell) data;
                checkCells(c.table(), where);
                JointDistribution p = JointDistribution.fromWeights(c.table().cells());
                Analysis a = Analysis.of(p, c.table().base());
                double ref = switch (e.asked()) {
                    case "P(x)" -> p.px(c.row());
                    case "P(x|y)" -> p.p(c.row(), c.column()) / p.py(c.column());
                    case "H(X|Y=y)" -> a.xGivenY().get(c.column()).working().total();
                    default -> {
                        // The completed table is independent: I(X;Y) = 0, and the hidden cell is the answer.
                        assertEquals(0, a.mutualInformation(), EXACT, where);
                        yield c.table().cells()[c.row()][c.column()];
                    }
                };
                assertEquals(ref, scalar(e), EXACT, where);
            }
            case "H(X)", "H(Y)", "H(X,Y)", "H(X|Y)", "H(Y|X)", "I(X;Y)" -> {
                Table t = (Table) data;
                checkCells(t, where);
                Analysis a = Analysis.of(JointDistribution.fromWeights(t.cells()), t.base());
                double ref = switch (e.asked()) {
                    case "H(X)" -> a.entropyX();
                    case "H(Y)" -> a.entropyY();
                    case "H(X,Y)" -> a.jointEntropy();
                    case "H(X|Y)" -> a.conditionalEntropyXGivenY();
                    case "H(Y|X)" -> a.conditionalEntropyYGivenX();
                    default -> a.mutualInformation();
                };
                assertEquals(t.base().unit(), e.unit(), where);
                assertEquals(ref, scalar(e), EXACT, where);
            }
            case "plugin", "millerMadow" -> {
                Table t = (Table) data;
                assertTrue(t.counts(), where);
                checkCells(t, where);
                long[][] n = new long[t.rows()][t.cols()];
                for (int i = 0; i < t.rows(); i++) {
                    for (int j = 0; j < t.cols(); j++) {
                        n[i][j] = (long) t.cells()[i][j];
                    }
                }
                SampleEstimates s = SampleEstimates.of(new ContingencyTable(t.xLabels(), t.yLabels(), n), t.base());
                assertEquals(e.asked().equals("plugin") ? s.mutualInformation() : s.mutualInformationMillerMadow(),
                        scalar(e), EXACT, where);
            }
            case "choice" -> {
                TablePair pair = (TablePair) data;
                checkCells(pair.first(), where);
                checkCells(pair.second(), where);
                double a = Analysis.of(JointDistribution.fromWeights(pair.first().cells()), pair.first().base())
                        .mutualInformation();
                double b = Analysis.of(JointDistribution.fromWeights(pair.second().cells()), pair.second().base())
                        .mutualInformation();
                assertEquals(new Answer.Choice(a > b ? "A" : "B"), e.expected(), where);
            }
            case "I(X;Y|Z)", "I(X;Y;Z)" -> {
                ThreeWayTable t = (ThreeWayTable) data;
                for (double[][] slice : t.cells()) {
                    checkCells(new Table("X", "Y", t.xLabels(), t.yLabels(), slice, t.counts(), t.base()), where);
                }
                ThreeWayAnalysis a = ThreeWayAnalysis.of(ThreeWayDistribution.fromWeights(t.cells()), t.base());
                assertEquals(e.asked().equals("I(X;Y|Z)") ? a.miXYGivenZ() : a.coInformation(), scalar(e), EXACT, where);
            }
            case "weights", "H(alpha)", "effectiveKeys" -> {
                AttentionRow a = (AttentionRow) data;
                for (double[] v : Stream.concat(Stream.of(a.query()), Stream.of(a.keys())).toList()) {
                    for (double x : v) {
                        assertEquals(0, x * 2 % 1, 0, () -> where + "a component is a whole number or a half");
                    }
                }
                QueryAttention q = QueryAttention.of(a.query(), a.keys(), a.values(), a.scale(), a.temperature());
                if (e.asked().equals("weights")) {
                    double[] w = ((Answer.Vector) e.expected()).values();
                    for (int i = 0; i < w.length; i++) {
                        assertEquals(q.weights()[i], w[i], EXACT, where);
                    }
                } else {
                    assertEquals(e.asked().equals("H(alpha)") ? q.entropyBits() : q.effectiveKeys(), scalar(e), EXACT, where);
                }
            }
            default -> fail(where + "no reference for " + e.asked());
        }
    }

    /**
     * The cells print as the decimals a person reads: whole counts, or whole hundredths adding up
     * to 1 (for a slice of three variables, to its share of 1).
     */
    private static void checkCells(Table t, String where) {
        long hundredths = 0;
        for (double[] row : t.cells()) {
            for (double v : row) {
                assertTrue(v >= 0, () -> where + v);
                if (t.counts()) {
                    assertEquals(Math.rint(v), v, 0, () -> where + "a count is whole: " + v);
                } else {
                    long k = Math.round(v * 100);
                    assertEquals(k / 100.0, v, 0, () -> where + "a probability is whole hundredths: " + v);
                    String shortest = Double.toString(v);
                    assertEquals(Decimals.plain(v), shortest.endsWith(".0") ? shortest.substring(0, shortest.length() - 2)
                            : shortest, where);
                    hundredths += k;
                }
            }
        }
        assertTrue(t.counts() || hundredths <= 100, where);
    }

    private static double scalar(Exercise e) {
        return ((Answer.Scalar) e.expected()).value();
    }

    /** The answer as a person would type it. */
    static String typed(Answer a) {
        return Exercise.typedText(a);
    }

    private static void acceptsRightAnswers(Exercise e, String where) {
        Verdict exact = e.check(typed(e.expected()));
        assertTrue(exact.correct() && !exact.fromRounding(), () -> where + exact.message());
        assertTrue(exact.message().startsWith("Right: "), () -> where + exact.message());
        if (e.expected() instanceof Answer.Scalar s) {
            // The exact value rounded to the asked decimals, as a person writes it.
            Verdict rounded = e.check(Decimals.format(s.value(), e.digits()));
            assertTrue(rounded.correct() && !rounded.fromRounding(), () -> where + rounded.message());
        }
        for (Route r : e.routes()) {
            Verdict v = e.check(typed(r.value()));
            assertTrue(v.correct(), () -> where + r + " " + v.message());
            assertTrue(Answer.distance(r.value(), e.expected()) > e.tolerance() * (1 + 1e-9) ? v.fromRounding()
                    : !v.fromRounding(), () -> where + r);
        }
    }

    private static void namesMistakes(Exercise e, String where) {
        for (Mistake m : e.mistakes()) {
            assertFalse(m.values().isEmpty(), () -> where + m.id());
            assertTrue(KEBAB.matcher(m.id()).matches() && KEBAB.matcher(m.step()).matches(), () -> where + m);
            for (Answer v : m.values()) {
                Verdict verdict = e.check(typed(v));
                assertFalse(verdict.correct(), () -> where + m.id() + " " + v + " is not accepted");
                // A wrong letter may stand for several shortcuts; the first is named.
                String first = e.mistakes().stream().filter(x -> x.values().contains(v)).findFirst().orElseThrow().id();
                assertEquals(v instanceof Answer.Choice ? first : m.id(), verdict.mistake(), () -> where + v);
                assertEquals(v instanceof Answer.Choice ? verdict.step() : m.step(), verdict.step(), where);
                assertTrue(verdict.message().startsWith("Not quite: "), () -> where + verdict.message());
            }
        }
    }
}
