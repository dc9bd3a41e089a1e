package dev.backupdoctor.facts;

/**
 * The Wi-Fi connection. {@code signalBars} is the number of arcs in the Wi-Fi icon, 0 to 3, or
 * {@code null} when unknown. {@code lowDataMode} is YES when Low Data Mode is on for the network
 * the iPhone is on (a Personal Hotspot has it on by default); {@code filtered} is YES when a VPN,
 * a filtering DNS, a firewall or a proxy stands between the iPhone and Apple's servers.
 *
 * @param enabled whether Wi-Fi is switched on in Settings
 * @param connected whether the iPhone has joined a network (the Wi-Fi symbol shows)
 * @param signalBars arcs in the Wi-Fi symbol, 0 to 3; {@code null} when unknown
 * @param lowDataMode whether Low Data Mode is on for the current network, which stops automatic backups
 * @param filtered whether a VPN, filtering DNS, firewall or proxy sits in the way
 */
public record WifiStatus(
        @Ask(step = 40, value = "Is Wi-Fi switched on?")
        Answer enabled,
        @Ask(step = 50, value = "Is the iPhone connected to a Wi-Fi network (the Wi-Fi symbol shows at the top of the screen)?")
        Answer connected,
        @Range(max = WifiStatus.MAX_SIGNAL_BARS)
        @Ask(step = 60, value = "How many arcs does the Wi-Fi symbol show, from 0 to 3?", whatIf = {"0", "3"})
        Integer signalBars,
        @Ask(step = 70, value = "Is Low Data Mode on for the Wi-Fi network the iPhone is on?")
        Answer lowDataMode,
        @Ask(step = 90, value = "Is a VPN, an ad-blocking DNS (Pi-hole, AdGuard Home, NextDNS) or a firewall between the iPhone "
                + "and the internet?")
        Answer filtered) {

    /** Nothing known about the Wi-Fi: every answer UNKNOWN, the signal {@code null}. */
    public static final WifiStatus UNKNOWN = new WifiStatus(null, null, null, null, null);
    /** A full signal: the Wi-Fi symbol has three arcs. */
    public static final int MAX_SIGNAL_BARS = 3;
    /** One bar or none is too weak to finish a backup. */
    public static final int WEAK_SIGNAL_BARS = 1;

    /**
     * Checks the signal and turns a {@code null} answer into UNKNOWN.
     *
     * @param enabled whether Wi-Fi is on; {@code null} is UNKNOWN
     * @param connected whether a network is joined; {@code null} is UNKNOWN
     * @param signalBars 0 to 3 arcs; stays {@code null} when unknown
     * @param lowDataMode whether Low Data Mode is on; {@code null} is UNKNOWN
     * @param filtered whether a VPN or filter is in the way; {@code null} is UNKNOWN
     * @throws IllegalArgumentException if {@code signalBars} is outside 0 to 3
     */
    public WifiStatus {
        enabled = Answer.orUnknown(enabled);
        connected = Answer.orUnknown(connected);
        lowDataMode = Answer.orUnknown(lowDataMode);
        filtered = Answer.orUnknown(filtered);
        if (signalBars != null && (signalBars < 0 || signalBars > MAX_SIGNAL_BARS)) {
            throw new IllegalArgumentException("signalBars must be between 0 and 3, was " + signalBars);
        }
    }

    /**
     * Switch, connection and signal known; Low Data Mode and filtering unknown.
     *
     * @param enabled whether Wi-Fi is switched on
     * @param connected whether the iPhone has joined a network
     * @param signalBars arcs in the Wi-Fi symbol, 0 to 3, or {@code null} if unknown
     */
    public WifiStatus(Answer enabled, Answer connected, Integer signalBars) {
        this(enabled, connected, signalBars, null, null);
    }

    /**
     * Whether the signal is too weak to finish a backup: at most {@link #WEAK_SIGNAL_BARS} bars.
     *
     * @return YES or NO, or UNKNOWN when the bars are unknown
     */
    public Answer weakSignal() {
        return signalBars == null ? Answer.UNKNOWN : Answer.of(signalBars <= WEAK_SIGNAL_BARS);
    }

    /**
     * A copy with another answer; the consult questions and what-ifs change one fact at a time.
     *
     * @param value whether Wi-Fi is switched on
     * @return this Wi-Fi status with only that fact replaced
     */
    public WifiStatus withEnabled(Answer value) {
        return new WifiStatus(value, connected, signalBars, lowDataMode, filtered);
    }

    /**
     * A copy with another answer; the consult questions and what-ifs change one fact at a time.
     *
     * @param value whether the iPhone has joined a network
     * @return this Wi-Fi status with only that fact replaced
     */
    public WifiStatus withConnected(Answer value) {
        return new WifiStatus(enabled, value, signalBars, lowDataMode, filtered);
    }

    /**
     * A copy with another answer; the consult questions and what-ifs change one fact at a time.
     *
     * @param value the signal, 0 to 3 arcs or {@code null}
     * @return this Wi-Fi status with only that fact replaced
     */
    public WifiStatus withSignalBars(Integer value) {
        return new WifiStatus(enabled, connected, value, lowDataMode, filtered);
    }

    /**
     * A copy with another answer; the consult questions and what-ifs change one fact at a time.
     *
     * @param value whether Low Data Mode is on
     * @return this Wi-Fi status with only that fact replaced
     */
    public WifiStatus withLowDataMode(Answer value) {
        return new WifiStatus(enabled, connected, signalBars, value, filtered);
    }

    /**
     * A copy with another answer; the consult questions and what-ifs change one fact at a time.
     *
     * @param value whether a VPN or filter is in the way
     * @return this Wi-Fi status with only that fact replaced
     */
    public WifiStatus withFiltered(Answer value) {
        return new WifiStatus(enabled, connected, signalBars, lowDataMode, value);
    }
}
