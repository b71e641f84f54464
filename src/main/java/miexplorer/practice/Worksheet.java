package miexplorer.practice;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * A worksheet: {@code n} exercises of each of some kinds, at one level, whose seeds come from the
 * sheet's seed, and, for one student, from the sheet's seed and the student's identifier, so that every
 * student has their own numbers and anyone with the sheet's settings can make any student's key again.
 *
 * <p>The seed of exercise i of kind k is the first 31 bits of SHA-256 of the text
 * {@code "<sheet seed>|<student>|<kind id>|<i>"} (the student empty for the class's sheet): a stable
 * hash, the same on every machine and in every version of Java, and spread evenly over 0 … 2³¹ − 1.
 *
 * @param student the student's identifier as given (trimmed), or "" for the class's sheet
 */
public record Worksheet(List<ExerciseKind> kinds, int perKind, Level level, long seed, String student) {
    /** The most exercises of one kind on a sheet. */
    public static final int MAX_PER_KIND = 20;
    /** The most exercises on a sheet. */
    public static final int MAX_EXERCISES = 60;
    /** The longest student identifier taken. */
    public static final int MAX_STUDENT = 100;

    public Worksheet {
        kinds = List.copyOf(kinds);
        student = student == null ? "" : student.strip();
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("a worksheet needs at least one kind of exercise");
        }
        if (perKind < 1 || perKind > MAX_PER_KIND) {
            throw new IllegalArgumentException("n is " + perKind + "; a sheet has from 1 to " + MAX_PER_KIND + " exercises of each kind");
        }
        if ((long) perKind * kinds.size() > MAX_EXERCISES) {
            throw new IllegalArgumentException(kinds.size() + " kinds × " + perKind + " is " + perKind * kinds.size()
                    + " exercises; a sheet has at most " + MAX_EXERCISES);
        }
        if (seed < 0 || seed > ExerciseKind.MAX_SEED) {
            throw new IllegalArgumentException("the seed is " + seed + "; it must be a whole number from 0 to " + ExerciseKind.MAX_SEED);
        }
        if (student.length() > MAX_STUDENT) {
            throw new IllegalArgumentException("the student's identifier is " + student.length() + " characters long; at most "
                    + MAX_STUDENT);
        }
        for (ExerciseKind k : kinds) {
            if (!k.levels().contains(level)) {
                throw new IllegalArgumentException(k.id() + " has no level " + level.key());
            }
        }
    }

    /** One exercise of the sheet: its number (from 1), and the triple that makes it. */
    public record Item(int number, ExerciseKind kind, long seed, Level level) {
        public Exercise exercise() {
            return kind.generate(seed, level);
        }
    }

    /** The same sheet for {@code id}'s own numbers. */
    public Worksheet forStudent(String id) {
        return new Worksheet(kinds, perKind, level, seed, id);
    }

    /** The exercises in order: each kind's {@code perKind} in turn. */
    public List<Item> items() {
        List<Item> out = new ArrayList<>(kinds.size() * perKind);
        int number = 1;
        for (ExerciseKind k : kinds) {
            for (int i = 0; i < perKind; i++) {
                out.add(new Item(number++, k, seedOf(seed, student, k, i), level));
            }
        }
        return out;
    }

    /** The seed of exercise {@code i} of kind {@code k} on the sheet with {@code sheetSeed}, for {@code student}. */
    static long seedOf(long sheetSeed, String student, ExerciseKind k, int i) {
        byte[] h = sha256(sheetSeed + "|" + student + "|" + k.id() + "|" + i);
        long v = ((h[0] & 0xffL) << 24) | ((h[1] & 0xffL) << 16) | ((h[2] & 0xffL) << 8) | (h[3] & 0xffL);
        return v & ExerciseKind.MAX_SEED;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
