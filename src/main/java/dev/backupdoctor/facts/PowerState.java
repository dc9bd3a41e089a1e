package dev.backupdoctor.facts;

/** Whether the iPhone is plugged in and actually charging, and with which cable. */
public record PowerState(Answer connected, Answer charging, Cable cable) {

    public static final PowerState UNKNOWN = new PowerState(null, null, null);

    public PowerState {
        connected = Answer.orUnknown(connected);
        charging = Answer.orUnknown(charging);
        cable = cable == null ? Cable.UNKNOWN : cable;
    }
}
