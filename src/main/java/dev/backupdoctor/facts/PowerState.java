package dev.backupdoctor.facts;

/**
 * Whether the iPhone is plugged in and actually charging, with which cable, and the battery level
 * in percent (0 to 100, {@code null} when unknown).
 *
 * @param connected whether the iPhone is plugged into power
 * @param charging whether the battery icon shows the charging symbol
 * @param cable the cable in use
 * @param batteryPercent the battery level, 0 to 100, or {@code null}
 */
public record PowerState(
        @Ask(step = 100, value = "Is the iPhone plugged into power?")
        Answer connected,
        @Ask(step = 110, value = "Does the battery icon show the charging symbol?")
        Answer charging,
        @Ask(step = 120, value = "Which charging cable is it: an Apple cable or a third-party one?", alsoSaid = "other=THIRD_PARTY")
        Cable cable,
        // One level on each side of the 75 % from which a plugged-in iPhone may rightly not charge.
        @Range(max = 100)
        @Ask(step = 130, value = "What is the battery level, in percent?", whatIf = {"50", "90"})
        Integer batteryPercent) {

    /** Nothing known about power. */
    public static final PowerState UNKNOWN = new PowerState(null, null, null, null);

    /**
     * Checks the battery level and turns a {@code null} answer or cable into UNKNOWN.
     *
     * @param connected plugged in; {@code null} is UNKNOWN
     * @param charging actually charging; {@code null} is UNKNOWN
     * @param cable the cable; {@code null} is UNKNOWN
     * @param batteryPercent 0 to 100; stays {@code null} when unknown
     * @throws IllegalArgumentException if {@code batteryPercent} is outside 0 to 100
     */
    public PowerState {
        connected = Answer.orUnknown(connected);
        charging = Answer.orUnknown(charging);
        cable = cable == null ? Cable.UNKNOWN : cable;
        if (batteryPercent != null && (batteryPercent < 0 || batteryPercent > 100)) {
            throw new IllegalArgumentException("batteryPercent must be between 0 and 100, was " + batteryPercent);
        }
    }

    /**
     * Connection, charging and cable known; the battery level unknown.
     *
     * @param connected whether the iPhone is plugged in
     * @param charging whether it is actually charging
     * @param cable the cable in use
     */
    public PowerState(Answer connected, Answer charging, Cable cable) {
        this(connected, charging, cable, null);
    }

    /**
     * A copy with whether it is plugged in replaced, the way consult records a reply.
     *
     * @param value the new value; {@code null} means unknown
     * @return a copy differing in that one fact
     */
    public PowerState withConnected(Answer value) {
        return new PowerState(value, charging, cable, batteryPercent);
    }

    /**
     * A copy with whether it is charging replaced, the way consult records a reply.
     *
     * @param value the new value; {@code null} means unknown
     * @return a copy differing in that one fact
     */
    public PowerState withCharging(Answer value) {
        return new PowerState(connected, value, cable, batteryPercent);
    }

    /**
     * A copy with the cable replaced, the way consult records a reply.
     *
     * @param value the new value; {@code null} means unknown
     * @return a copy differing in that one fact
     */
    public PowerState withCable(Cable value) {
        return new PowerState(connected, charging, value, batteryPercent);
    }

    /**
     * A copy with the battery level replaced, the way consult records a reply.
     *
     * @param value the new value; {@code null} means unknown
     * @return a copy differing in that one fact
     */
    public PowerState withBatteryPercent(Integer value) {
        return new PowerState(connected, charging, cable, value);
    }
}
