package dev.backupdoctor.cli.common;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The known word a mistyped one was most likely meant to be, for "did you mean ...?": the nearest by
 * edit distance, counting a swap of two neighbours as one edit (RESTRAT_IPHONE is one from
 * RESTART_IPHONE), ignoring case. Used for commands, {@code explain}'s action id and {@code tried} ids.
 */
public final class DidYouMean {

    private DidYouMean() {
    }

    /**
     * @param known the words to choose from, in order of preference when two are as near
     * @return the nearest, when it is within a third of the typed word's length (at least one edit)
     */
    public static Optional<String> closest(String typed, Collection<String> known) {
        String word = typed.toLowerCase(Locale.ROOT);
        int allowed = Math.max(1, word.length() / 3);
        String best = null;
        int bestDistance = allowed + 1;
        for (String candidate : known) {
            // The distance is at least the difference in length: a word of thousands of characters costs nothing.
            if (Math.abs(word.length() - candidate.length()) >= bestDistance) {
                continue;
            }
            int distance = distance(word, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
