package dev.backupdoctor.facts;

/**
 * The iPhone itself. {@code model} is the marketing name ("iPhone 8", "iPhone 15 Pro"); it and the
 * versions are {@code null} when unknown.
 */
public record DeviceInfo(String model, IosVersion iosVersion, IosVersion latestIosVersion, Answer screenLocked) {

    public static final DeviceInfo UNKNOWN = new DeviceInfo(null, null, null, Answer.UNKNOWN);

    public DeviceInfo {
        screenLocked = Answer.orUnknown(screenLocked);
    }

    public ModelFamily modelFamily() {
        return ModelFamily.of(model);
    }

    /** YES when a newer iOS than the installed one exists; UNKNOWN when either version is unknown. */
    public Answer updateAvailable() {
        if (iosVersion == null || latestIosVersion == null) {
            return Answer.UNKNOWN;
        }
        return Answer.of(iosVersion.isOlderThan(latestIosVersion));
    }
}
