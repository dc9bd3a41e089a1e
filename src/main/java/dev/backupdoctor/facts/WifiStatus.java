package dev.backupdoctor.facts;

/**
 * The Wi-Fi connection. {@code signalBars} is the number of arcs in the Wi-Fi icon, 0 to 3, or
 * {@code null} when unknown.
 */
public record WifiStatus(Answer enabled, Answer connected, Integer signalBars) {

    public static final WifiStatus UNKNOWN = new WifiStatus(null, null, null);
    public static final int MAX_SIGNAL_BARS = 3;
    /** One bar or none is too weak to finish a backup. */
    public static final int WEAK_SIGNAL_BARS = 1;

    public WifiStatus {
        enabled = Answer.orUnknown(enabled);
        connected = Answer.orUnknown(connected);
        if (signalBars != null && (signalBars < 0 || signalBars > MAX_SIGNAL_BARS)) {
            throw new IllegalArgumentException("signalBars must be between 0 and 3, was " + signalBars);
        }
    }

    public Answer weakSignal() {
        return signalBars == null ? Answer.UNKNOWN : Answer.of(signalBars <= WEAK_SIGNAL_BARS);
    }
}
