package miexplorer.info;

import java.util.List;

/** H = Σ (−p·log p) over a distribution, term by term. */
public record EntropyWorking(List<Term> terms, double total) {
    public EntropyWorking {
        terms = List.copyOf(terms);
    }

    /** True when some term was 0·log 0 and so counted as 0. */
    public boolean hasZeroTerm() {
        return terms.stream().anyMatch(Term::zero);
    }
}
