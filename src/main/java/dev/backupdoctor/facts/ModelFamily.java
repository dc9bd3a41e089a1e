package dev.backupdoctor.facts;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which buttons an iPhone has, which decides how it is restarted. */
public enum ModelFamily {
    /** iPhone X or later: Face ID, no Home button. */
    FACE_ID,
    /** iPhone 8 or earlier, and every iPhone SE: a Home button. */
    HOME_BUTTON,
    /** The model is unknown or not a name this version recognises. */
    UNKNOWN;

    private static final Pattern NUMBERED = Pattern.compile("iphone\\s*(\\d+)[a-z]*\\b.*");
    private static final Pattern SE = Pattern.compile("iphone\\s*se\\b.*");
    private static final Pattern X_OR_AIR = Pattern.compile("iphone\\s*(x[a-z]*|air)\\b.*");

    /** Classifies a marketing name such as "iPhone 8 Plus", "iPhone XS Max" or "iPhone SE (3rd generation)". */
    public static ModelFamily of(String model) {
        if (model == null) {
            return UNKNOWN;
        }
        String name = model.trim().toLowerCase(Locale.ROOT);
        if (SE.matcher(name).matches()) {
            return HOME_BUTTON;
        }
        if (X_OR_AIR.matcher(name).matches()) {
            return FACE_ID;
        }
        Matcher numbered = NUMBERED.matcher(name);
        if (numbered.matches()) {
            // Any number of digits may follow "iPhone": more than two is a model newer than the 11.
            String digits = numbered.group(1).replaceFirst("^0+(?=.)", "");
            int generation = digits.length() > 2 ? Integer.MAX_VALUE : Integer.parseInt(digits);
            return generation >= 11 ? FACE_ID : generation <= 8 ? HOME_BUTTON : UNKNOWN;
        }
        return UNKNOWN;
    }
}
