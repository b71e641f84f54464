package miexplorer.practice;

import java.util.function.BiFunction;
import miexplorer.info.LogBase;

/**
 * One piece of work (a {@link TableWork}, a three-variable table's work) per log base and
 * rounding of one exercise's data, made on first use and kept, so that a draft's routes and
 * mistakes, each asking for its own, share the entropies worked out once. A draft rounds to one
 * number of decimals, so {@link Rounding#index()} tells its roundings apart.
 */
final class PerRounding<W> {
    private final LogBase base;
    private final BiFunction<LogBase, Rounding, W> make;
    private final Object[] works = new Object[LogBase.values().length * 3];

    PerRounding(LogBase base, BiFunction<LogBase, Rounding, W> make) {
        this.base = base;
        this.make = make;
    }

    /** The work in the exercise's own base. */
    W at(Rounding r) {
        return at(base, r);
    }

    @SuppressWarnings("unchecked")
    W at(LogBase b, Rounding r) {
        int k = b.ordinal() * 3 + r.index();
        if (works[k] == null) {
            works[k] = make.apply(b, r);
        }
        return (W) works[k];
    }
}
