package dev.backupdoctor.facts;

/**
 * The iPhone itself. {@code model} is the marketing name ("iPhone 8", "iPhone 15 Pro"); it and the
 * versions are {@code null} when unknown. {@code sideloadedApps} is YES when apps from outside the
 * App Store (TrollStore, AltStore, developer- or enterprise-signed builds) are installed.
 *
 * @param model the marketing name as Settings > General > About shows it, or {@code null}
 * @param iosVersion the installed iOS, or {@code null}
 * @param latestIosVersion the newest iOS Software Update offers, or {@code null}
 * @param screenLocked whether the screen is locked, as automatic backups need
 * @param sideloadedApps whether apps from outside the App Store are installed
 */
public record DeviceInfo(
        @Ask(step = 220, value = "Which iPhone model is it (Settings > General > About)?", whatIf = {"iPhone 15", "iPhone 8"})
        String model,
        @Ask(step = 230, value = "Which iOS version is installed (Settings > General > About)?")
        IosVersion iosVersion,
        @Ask(step = 240, value = "Which is the newest iOS the iPhone is offered (Settings > General > Software Update)?")
        IosVersion latestIosVersion,
        @Ask(step = 30, value = "Is the iPhone locked (screen off) while it should be backing up?")
        Answer screenLocked,
        @Ask(step = 250, value = "Are there apps on the iPhone from outside the App Store (TrollStore, AltStore, developer or enterprise builds)?")
        Answer sideloadedApps) {

    /** Nothing known about the iPhone. */
    public static final DeviceInfo UNKNOWN = new DeviceInfo(null, null, null, null, null);
    /** The first numbered iPhone with 5G. */
    private static final int FIRST_5G_NUMBER = 12;

    /**
     * Turns a {@code null} answer into UNKNOWN; model and versions stay {@code null} when unknown.
     *
     * @param model the marketing name, or {@code null}
     * @param iosVersion the installed iOS, or {@code null}
     * @param latestIosVersion the newest iOS offered, or {@code null}
     * @param screenLocked whether the screen is locked; {@code null} is UNKNOWN
     * @param sideloadedApps whether apps from outside the App Store are installed; {@code null} is UNKNOWN
     */
    public DeviceInfo {
        screenLocked = Answer.orUnknown(screenLocked);
        sideloadedApps = Answer.orUnknown(sideloadedApps);
    }

    /**
     * Model, versions and lock state known; sideloaded apps unknown.
     *
     * @param model the marketing name, or {@code null}
     * @param iosVersion the installed iOS, or {@code null}
     * @param latestIosVersion the newest iOS offered, or {@code null}
     * @param screenLocked whether the screen is locked
     */
    public DeviceInfo(String model, IosVersion iosVersion, IosVersion latestIosVersion, Answer screenLocked) {
        this(model, iosVersion, latestIosVersion, screenLocked, null);
    }

    /**
     * Which buttons the model has, which decides how to restart it.
     *
     * @return FACE_ID or HOME_BUTTON, or UNKNOWN for an unknown or unrecognised model
     */
    public ModelFamily modelFamily() {
        return ModelFamily.of(model);
    }

    /**
     * Whether the model has 5G and so the Back Up Over Cellular switch: every "iPhone N…" with N ≥ 12,
     * every iPhone Air and the iPhone SE (3rd generation), names compared ignoring case and extra
     * spaces. An unknown or unrecognised model has not.
     *
     * @return {@code true} if Back Up Over Cellular is possible on this model
     */
    public boolean supports5G() {
        if (model == null) {
            return false;
        }
        // By hand, not by regex: the rules read this for every snapshot.
        String name = normalized(model);
        if (name.equals("iphone se (3rd generation)") || name.equals("iphone air") || name.startsWith("iphone air ")) {
            return true;
        }
        if (!name.startsWith("iphone ")) {
            return false;
        }
        int start = "iphone ".length();
        while (start < name.length() - 1 && name.charAt(start) == '0') {
            start++;
        }
        int end = start;
        while (end < name.length() && name.charAt(end) >= '0' && name.charAt(end) <= '9') {
            end++;
        }
        int digits = end - start;
        return digits > 2 || digits > 0 && Integer.parseInt(name, start, end, 10) >= FIRST_5G_NUMBER;
    }

    /** Lower case, without leading and trailing white space, and one space wherever there were several. */
    static String normalized(String text) {
        StringBuilder name = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = name.length() > 0;
            } else {
                if (space) {
                    name.append(' ');
                    space = false;
                }
                name.append(Character.toLowerCase(c));
            }
        }
        return name.toString();
    }

    /**
     * Whether Software Update offers a newer iOS, a reason to suggest updating.
     *
     * @return YES when a newer iOS than the installed one exists; UNKNOWN when either version is unknown
     */
    public Answer updateAvailable() {
        if (iosVersion == null || latestIosVersion == null) {
            return Answer.UNKNOWN;
        }
        return Answer.of(iosVersion.isOlderThan(latestIosVersion));
    }

    /**
     * A copy with the model replaced, the way consult records a reply.
     *
     * @param value the new value; {@code null} means unknown
     * @return a copy differing in that one fact
     */
    public DeviceInfo withModel(String value) {
        return new DeviceInfo(value, iosVersion, latestIosVersion, screenLocked, sideloadedApps);
    }

    /**
     * A copy with the installed iOS replaced, the way consult records a reply.
     *
     * @param value the new value; {@code null} means unknown
     * @return a copy differing in that one fact
     */
    public DeviceInfo withIosVersion(IosVersion value) {
        return new DeviceInfo(model, value, latestIosVersion, screenLocked, sideloadedApps);
    }

    /**
     * A copy with the newest iOS offered replaced, the way consult records a reply.
     *
     * @param value the new value; {@code null} means unknown
     * @return a copy differing in that one fact
     */
    public DeviceInfo withLatestIosVersion(IosVersion value) {
        return new DeviceInfo(model, iosVersion, value, screenLocked, sideloadedApps);
    }

    /**
     * A copy with whether the screen is locked replaced, the way consult records a reply.
     *
     * @param value the new value; {@code null} means unknown
     * @return a copy differing in that one fact
     */
    public DeviceInfo withScreenLocked(Answer value) {
        return new DeviceInfo(model, iosVersion, latestIosVersion, value, sideloadedApps);
    }

    /**
     * A copy with whether sideloaded apps are installed replaced, the way consult records a reply.
     *
     * @param value the new value; {@code null} means unknown
     * @return a copy differing in that one fact
     */
    public DeviceInfo withSideloadedApps(Answer value) {
        return new DeviceInfo(model, iosVersion, latestIosVersion, screenLocked, value);
    }
}
