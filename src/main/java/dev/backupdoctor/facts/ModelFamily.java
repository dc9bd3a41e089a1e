package dev.backupdoctor.facts;

/** Which buttons an iPhone has, which decides how it is restarted. */
public enum ModelFamily {
    /** iPhone X or later, and every iPhone Air: Face ID, no Home button. */
    FACE_ID,
    /** iPhone 8 or earlier, and every iPhone SE: a Home button. */
    HOME_BUTTON,
    /** The model is unknown or not a name this version recognises. */
    UNKNOWN;

    /**
     * Classifies a marketing name such as "iPhone 8 Plus", "iPhone XS Max" or "iPhone SE (3rd
     * generation)", ignoring case and spaces around the words. Read by hand, not by regex: the
     * restart rule asks for every snapshot.
     *
     * @param model the marketing name, or {@code null}
     * @return the family, or UNKNOWN for {@code null} or a name not recognised
     */
    public static ModelFamily of(String model) {
        if (model == null) {
            return UNKNOWN;
        }
        String name = DeviceInfo.normalized(model);
        if (!name.startsWith("iphone")) {
            return UNKNOWN;
        }
        int start = "iphone".length();
        if (start < name.length() && name.charAt(start) == ' ') {
            start++;
        }
        if (isWord(name, start, "se")) {
            return HOME_BUTTON;
        }
        if (isWord(name, start, "air") || start < name.length() && name.charAt(start) == 'x'
                && endsWord(name, lettersFrom(name, start))) {
            return FACE_ID;
        }
        int digitsEnd = start;
        while (digitsEnd < name.length() && isDigit(name.charAt(digitsEnd))) {
            digitsEnd++;
        }
        if (digitsEnd == start || !endsWord(name, lettersFrom(name, digitsEnd))) {
            return UNKNOWN;
        }
        int first = start;
        while (first < digitsEnd - 1 && name.charAt(first) == '0') {
            first++;
        }
        // Any number of digits may follow "iPhone": more than two is a model newer than the 11.
        int generation = digitsEnd - first > 2 ? Integer.MAX_VALUE : Integer.parseInt(name, first, digitsEnd, 10);
        return generation >= 11 ? FACE_ID : generation <= 8 ? HOME_BUTTON : UNKNOWN;
    }

    private static boolean isWord(String name, int at, String word) {
        return name.startsWith(word, at) && endsWord(name, at + word.length());
    }

    private static int lettersFrom(String name, int at) {
        int end = at;
        while (end < name.length() && name.charAt(end) >= 'a' && name.charAt(end) <= 'z') {
            end++;
        }
        return end;
    }

    /** Whether a word ends here: the name does, or goes on with something other than a letter, digit or underscore. */
    private static boolean endsWord(String name, int at) {
        if (at == name.length()) {
            return true;
        }
        char next = name.charAt(at);
        return !(Character.isLetterOrDigit(next) || next == '_');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
