package dev.backupdoctor.facts;

/**
 * Whether the iPhone is plugged in and actually charging, with which cable, and the battery level
 * in percent (0 to 100, {@code null} when unknown).
 */
public record PowerState(
        @Ask(step = 10, value = "Is the iPhone plugged into power?")
        Answer connected,
        @Ask(step = 11, value = "Does the battery icon show the charging symbol?")
        Answer charging,
        @Ask(step = 12, value = "Which charging cable is it: an Apple cable or a third-party one?", alsoSaid = "other=THIRD_PARTY")
        Cable cable,
        // One level on each side of the 75 % from which a plugged-in iPhone may rightly not charge.
        @Range(max = 100)
        @Ask(step = 13, value = "What is the battery level, in percent?", whatIf = {"50", "90"})
        Integer batteryPercent) {

    public static final PowerState UNKNOWN = new PowerState(null, null, null, null);
    public PowerState {
        connected = Answer.orUnknown(connected);
        charging = Answer.orUnknown(charging);
        cable = cable == null ? Cable.UNKNOWN : cable;
        if (batteryPercent != null && (batteryPercent < 0 || batteryPercent > 100)) {
            throw new IllegalArgumentException("batteryPercent must be between 0 and 100, was " + batteryPercent);
        }
    }

    /** Connection, charging and cable known; the battery level unknown. */
    public PowerState(Answer connected, Answer charging, Cable cable) {
        this(connected, charging, cable, null);
    }

    public PowerState withConnected(Answer value) {
        return new PowerState(value, charging, cable, batteryPercent);
    }

    public PowerState withCharging(Answer value) {
        return new PowerState(connected, value, cable, batteryPercent);
    }

    public PowerState withCable(Cable value) {
        return new PowerState(connected, charging, value, batteryPercent);
    }

    public PowerState withBatteryPercent(Integer value) {
        return new PowerState(connected, charging, cable, value);
    }
}
