package dev.backupdoctor.facts;

import static dev.backupdoctor.facts.Sizes.readable;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The built-in catalog in one place: every action the built-in rules can propose, with its id, its
 * step of the article, its place in the catalog (the order of the constants below, which breaks ties
 * in a plan) and its wording. The rules in {@code rules/*.drl} decide <em>when</em> an action is
 * needed and call one of the methods below for <em>what</em> it says:
 * {@code plan.add( kcontext, Remedy.connectToWifi( $wifi ) )}. The hand-written planners the rules
 * are measured against call the same methods.
 *
 * <p>Each method is named after its id in camelCase ({@code CONNECT_TO_WIFI}: {@code connectToWifi}),
 * and another kind of the same id adds the kind ({@code connectToWifiCheck}): that is how
 * an explanation finds the rules that can propose an id. It takes the facts the text is tailored
 * to, which are exactly what the rule binds.
 *
 * <p>Rules of your own don't need this class: they start their actions with {@link Action#of}.
 */
public enum Remedy {

    // The catalog, in order: id (step of the article, or none; title; the kinds its methods below propose it as).
    /** Lift a Screen Time or profile restriction on iCloud Backup. */
    ALLOW_ICLOUD_BACKUP(1, "Allow iCloud Backup", Kind.FIX),
    /** Switch iCloud Backup on. */
    TURN_ON_ICLOUD_BACKUP(1, "Turn on iCloud Backup", Kind.FIX, Kind.CHECK),
    /** Lock the screen: automatic backups only start while locked. */
    LOCK_IPHONE(1, "Lock your iPhone", Kind.FIX),
    /** Start a backup by hand and read the message iOS gives. */
    BACK_UP_NOW(1, "Tap Back Up Now and read what it says", Kind.TRY),
    /** Join a Wi-Fi network. */
    CONNECT_TO_WIFI(2, "Connect to Wi-Fi", Kind.FIX, Kind.CHECK),
    /** Get a stronger Wi-Fi signal. */
    MOVE_CLOSER_TO_ROUTER(2, "Move closer to the Wi-Fi router", Kind.FIX),
    /** Turn off Low Data Mode, which stops automatic backups. */
    TURN_OFF_LOW_DATA_MODE(2, "Turn off Low Data Mode", Kind.FIX),
    /** Back up over 5G instead of Wi-Fi. */
    TURN_ON_CELLULAR_BACKUP(2, "Turn on Back Up Over Cellular", Kind.FIX),
    /** Pause a VPN or network filter that blocks iCloud. */
    PAUSE_NETWORK_FILTER(2, "Pause the VPN or network filter while backing up", Kind.FIX),
    /** Plug in: automatic backups only start while charging. */
    CONNECT_TO_POWER(3, "Connect to power", Kind.FIX, Kind.CHECK),
    /** Swap a cable that doesn't charge. */
    TRY_ANOTHER_CABLE(3, "Try another cable", Kind.FIX),
    /** Make room by deleting backups of devices no longer used. */
    DELETE_OLD_DEVICE_BACKUPS(4, "Delete old devices' backups", Kind.FIX),
    /** Make room by leaving apps out of the backup. */
    FREE_UP_ICLOUD_STORAGE(4, "Free up iCloud storage", Kind.FIX, Kind.CHECK),
    /** Make room with a larger iCloud plan. */
    UPGRADE_ICLOUD_STORAGE(4, "Upgrade your iCloud storage", Kind.FIX),
    /** Wait out an outage of Apple's service. */
    WAIT_FOR_ICLOUD_SERVICE(5, "Wait for Apple to fix iCloud Backup", Kind.FIX),
    /** Look up whether Apple's service works. */
    CHECK_SYSTEM_STATUS(5, "Check Apple's System Status page", Kind.CHECK),
    /** Verify the Apple Account's email address. */
    VERIFY_ACCOUNT_EMAIL(6, "Verify your Apple Account email address", Kind.FIX),
    /** Turn on two-factor authentication. */
    TURN_ON_TWO_FACTOR(6, "Turn on two-factor authentication", Kind.FIX),
    /** Sign in to iCloud. */
    SIGN_IN_TO_ICLOUD(6, "Sign in to iCloud", Kind.FIX),
    /** Sign in again, or out and back in, to clear account problems. */
    SIGN_OUT_AND_BACK_IN(6, "Sign in again, or sign out of iCloud and back in", Kind.FIX, Kind.TRY),
    /** Restart, with the buttons of the model. */
    RESTART_IPHONE(7, "Restart your iPhone", Kind.TRY),
    /** Reset all settings, keeping data. */
    RESET_ALL_SETTINGS(8, "Reset all settings", Kind.TRY),
    /** Update iOS to get past a bug. */
    UPDATE_IOS(9, "Update iOS", Kind.TRY),
    /** Find the app whose data makes every backup fail. */
    FIND_APP_BREAKING_BACKUP(null, "Find the app that breaks the backup", Kind.FIX, Kind.TRY),
    /** Back up to a computer, which doesn't need iCloud. */
    BACK_UP_WITH_COMPUTER(null, "Back up with a computer instead", Kind.TRY);

    private final Integer step;
    private final String title;
    private final Set<Kind> kinds;

    Remedy(Integer step, String title, Kind... kinds) {
        this.step = step;
        this.title = title;
        this.kinds = Collections.unmodifiableSet(EnumSet.copyOf(List.of(kinds)));
    }

    /**
     * The action id, as plans, {@code tried} lists and rules write it.
     *
     * @return the constant's name, e.g. {@code "CONNECT_TO_WIFI"}
     */
    public String id() {
        return name();
    }

    /**
     * Where the action sits in Apple's troubleshooting article.
     *
     * @return the article's step, 1 to 9, or {@code null} for an action outside its steps
     */
    public Integer step() {
        return step;
    }

    /**
     * What to do, in a few words: the action's title in a plan (where a CHECK may word it as
     * something to verify instead, "Make sure iCloud Backup is on") and its name in a fleet report.
     *
     * @return the title, e.g. {@code "Connect to Wi-Fi"}
     */
    public String title() {
        return title;
    }

    /**
     * The kinds the built-in rules may propose the action as, for listing the catalog
     * ({@code catalog} on the command line).
     *
     * @return FIX, CHECK or TRY, one or two of them, in that order
     */
    public Set<Kind> kinds() {
        return kinds;
    }

    // Every action starts with the catalog's title; a CHECK worded as something to verify sets its own.

    private Action.Builder fix() {
        return start(Kind.FIX);
    }

    private Action.Builder check() {
        return start(Kind.CHECK);
    }

    private Action.Builder tryIt() {
        return start(Kind.TRY);
    }

    private Action.Builder start(Kind kind) {
        if (!kinds.contains(kind)) {
            // The constant's kinds are what the catalog lists: a method of another kind must be declared there.
            throw new IllegalStateException(name() + " is not declared as a " + kind + " in Remedy's catalog");
        }
        return Action.of(kind, name(), step).title(title);
    }

    // ------------------------------------------------------------------------------------------
    // Step 1: iCloud Backup must be allowed and switched on, and a backup only starts while the
    // iPhone is locked. Back Up Now shows at once whether a backup works.

    private static final List<String> TURN_ON_ICLOUD_BACKUP_STEPS = List.of(
            "Open Settings.",
            "Tap your name at the top of the page.",
            "Tap iCloud.",
            "Tap iCloud Backup.",
            "Turn on Back Up This iPhone (the switch turns green), and tap OK if asked.");

    /**
     * iCloud Backup is restricted by Screen Time or a device-management profile.
     *
     * @return a FIX with its title, instructions and reason, ready for {@code plan.add}
     */
    public static Action.Builder allowICloudBackup() {
        return ALLOW_ICLOUD_BACKUP.fix()
                .instructions(
                        "If the iPhone belongs to a company or school, a device-management profile restricts it (it shows under Settings > General > VPN & Device Management), and only its administrator can lift the restriction: ask them to allow iCloud Backup. The next steps are for a Screen Time restriction.",
                        "Open Settings and tap Screen Time.",
                        "Tap Content & Privacy Restrictions, and enter the Screen Time passcode if asked.",
                        "Under Allow Changes, tap Account Changes and choose Allow.",
                        "Then turn on iCloud Backup: tap your name at the top of Settings, then iCloud, then iCloud Backup.")
                .reason("iCloud Backup or account changes are restricted on this iPhone, by Screen Time or by a device-management profile, so it can't back up to iCloud.")
                .caution("Don't remove a company or school profile yourself: the iPhone may lose its work email, Wi-Fi and apps. The Screen Time passcode is not the iPhone's passcode; if a parent or an employer set it, ask them.");
    }

    /**
     * iCloud Backup is switched off.
     *
     * @return a FIX with its title, instructions and reason, ready for {@code plan.add}
     */
    public static Action.Builder turnOnICloudBackup() {
        return TURN_ON_ICLOUD_BACKUP.fix()
                .instructions(TURN_ON_ICLOUD_BACKUP_STEPS)
                .reason("iCloud Backup is switched off, so automatic backups never start.");
    }

    /**
     * It isn't known whether iCloud Backup is on.
     *
     * @return a CHECK with its title, instructions and reason, ready for {@code plan.add}
     */
    public static Action.Builder turnOnICloudBackupCheck() {
        return TURN_ON_ICLOUD_BACKUP.check()
                .title("Make sure iCloud Backup is on")
                .instructions(TURN_ON_ICLOUD_BACKUP_STEPS)
                .reason("It isn't known whether iCloud Backup is switched on; while it is off, automatic backups never start.");
    }

    /**
     * The screen is unlocked.
     *
     * @return a FIX with its title, instructions and reason, ready for {@code plan.add}
     */
    public static Action.Builder lockIphone() {
        return LOCK_IPHONE.fix()
                .instructions(
                        "Press the Side (or Top) button once to lock the screen.",
                        "Leave it locked, plugged in and on Wi-Fi, for example overnight, so the backup can start and finish.")
                .reason("The screen is unlocked; automatic iCloud backups only start while the iPhone is locked.");
    }

    /**
     * The first general remedy.
     *
     * @return a TRY with its title, instructions and reason, ready for {@code plan.add}
     */
    public static Action.Builder backUpNow() {
        return BACK_UP_NOW.tryIt()
                .instructions(
                        "Connect the iPhone to Wi-Fi (or turn on Back Up Over Cellular) and plug it into power.",
                        "Open Settings, tap your name, then iCloud, then iCloud Backup.",
                        "Tap Back Up Now and stay on that screen until the backup finishes: the time of the last successful backup then shows below the button.",
                        "If a message shows below the button instead, it names the cause: \"Not enough iCloud storage\" means making room in iCloud (step 4); a message about Wi-Fi or the network, checking the connection, Low Data Mode and any VPN or filter (step 2); a request for your password, or to verify or sign in to your Apple Account, signing in again (step 6); \"The last backup could not be completed\", finding the app that breaks the backup.")
                .reason("A backup started by hand shows at once whether iCloud Backup works, and when it doesn't, iOS says why.");
    }

    // ------------------------------------------------------------------------------------------
    // Step 2: iCloud backs up over Wi-Fi (or, on a 5G iPhone, over cellular). A weak signal, Low
    // Data Mode, or a VPN or network filter can stop it.

    private static final List<String> JOIN_WIFI = List.of(
            "Open Settings.",
            "Tap Wi-Fi.",
            "Turn on Wi-Fi (the switch turns green).",
            "If the iPhone doesn't join a known network by itself, tap your network and enter its password.",
            "Check that the Wi-Fi symbol now shows at the top of the screen.");

    /**
     * Wi-Fi is off, or on but not connected.
     *
     * @param wifi the Wi-Fi facts; Wi-Fi switched off and merely not joined get different reasons
     * @return a FIX with its title, instructions and reason, ready for {@code plan.add}
     */
    public static Action.Builder connectToWifi(WifiStatus wifi) {
        return CONNECT_TO_WIFI.fix()
                .instructions(JOIN_WIFI)
                .reason(wifi.enabled() == Answer.NO
                        ? "Wi-Fi is switched off; iCloud backs up over Wi-Fi."
                        : "The iPhone isn't connected to a Wi-Fi network; iCloud backs up over Wi-Fi.");
    }

    /**
     * It isn't known whether the iPhone is on Wi-Fi.
     *
     * @return a CHECK with its title, instructions and reason, ready for {@code plan.add}
     */
    public static Action.Builder connectToWifiCheck() {
        return CONNECT_TO_WIFI.check()
                .title("Make sure the iPhone is on Wi-Fi")
                .instructions(JOIN_WIFI)
                .reason("It isn't known whether the iPhone is connected to Wi-Fi; iCloud backs up over Wi-Fi.");
    }

    /**
     * The Wi-Fi signal is weak: {@code signalBars} of 3.
     *
     * @param signalBars the arcs the Wi-Fi symbol shows, 0 to 3, quoted in the reason
     * @return a FIX with its title, instructions and reason, ready for {@code plan.add}
     */
    public static Action.Builder moveCloserToRouter(Integer signalBars) {
        return MOVE_CLOSER_TO_ROUTER.fix()
                .instructions(
                        "Take the iPhone to the room where the Wi-Fi router is, or closer to it.",
                        "Check that the Wi-Fi symbol at the top of the screen shows all three arcs.",
                        "Leave the iPhone there, plugged in and locked, until the backup finishes.")
                .reason("The Wi-Fi signal shows " + signalBars + " of 3 bars; a signal that weak may drop before a backup can finish.");
    }

    /**
     * Low Data Mode is on for the Wi-Fi network.
     *
     * @return a FIX with its title, instructions and reason, ready for {@code plan.add}
     */
    public static Action.Builder turnOffLowDataMode() {
        return TURN_OFF_LOW_DATA_MODE.fix()
                .instructions(
                        "Open Settings.",
                        "Tap Wi-Fi.",
                        "Tap the info button (i) beside the network the iPhone is on.",
                        "Turn off Low Data Mode.",
                        "If the iPhone is on another device's Personal Hotspot, Low Data Mode is on there by default: turn it off the same way, or back up on a home or office Wi-Fi instead.")
                .reason("Low Data Mode is on for the Wi-Fi network the iPhone is on, and iOS turns automatic iCloud backups off on such a network.")
                .caution("Low Data Mode saves a limited data plan: on a hotspot or a metered network, a backup may use several gigabytes of it.");
    }

    /**
     * Off Wi-Fi, a 5G {@code model} can back up over cellular instead.
     *
     * @param model the marketing name, e.g. "iPhone 15", quoted in the reason
     * @return a FIX with its title, instructions and reason, ready for {@code plan.add}
     */
    public static Action.Builder turnOnCellularBackup(String model) {
        return TURN_ON_CELLULAR_BACKUP.fix()
                .instructions(
                        "Open Settings.",
                        "Tap your name at the top of the page.",
                        "Tap iCloud, then iCloud Backup.",
                        "Turn on Back Up Over Cellular (it needs iOS 15 or later).",
                        "If the switch isn't there, your carrier doesn't offer backups over cellular: connect to Wi-Fi instead.")
                .reason("The iPhone isn't on Wi-Fi, but an " + model + " has 5G and can back up over the cellular network instead.")
                .caution("A backup can take several gigabytes: without an unlimited data plan it may use up the month's data or cost extra.")
                .alternativeTo(CONNECT_TO_WIFI.id());
    }

    /**
     * A VPN or network filter stands in the way.
     *
     * @return a FIX with its title, instructions and reason, ready for {@code plan.add}
     */
    public static Action.Builder pauseNetworkFilter() {
        return PAUSE_NETWORK_FILTER.fix()
                .instructions(
                        "If a VPN is on, disconnect it in its app or under Settings > VPN.",
                        "If the network uses a filtering or ad-blocking DNS (Pi-hole, AdGuard Home, NextDNS), a firewall or a proxy, pause it, or allow Apple's iCloud servers through it.",
                        "Or back up on another network without the filter.",
                        "Open Settings, tap your name, then iCloud, then iCloud Backup, and tap Back Up Now; wait until it finishes.",
                        "Turn the VPN or filter back on afterwards.")
                .reason("A VPN or network filter stands between the iPhone and Apple's servers; when it blocks iCloud's servers, the backup fails.")
                .caution("A company VPN may be required for work: ask your IT team before pausing it.");
    }

    // ------------------------------------------------------------------------------------------
    // Step 3: a backup only starts while the iPhone is charging, and a faulty cable stops it.

    private static final List<String> PLUG_IN = List.of(
            "Plug the iPhone into a wall outlet, or into a computer, with its charging cable.",
            "Check that the battery icon at the top of the screen shows the charging symbol.");

    /**
     * The iPhone isn't plugged in.
     *
     * @return a FIX with its title, instructions and reason, ready for {@code plan.add}
     */
    public static Action.Builder connectToPower() {
        return CONNECT_TO_POWER.fix()
                .instructions(PLUG_IN)
                .reason("The iPhone isn't plugged in; an iCloud backup only starts while it is charging.");
    }

    /**
     * It isn't known whether the iPhone is plugged in.
     *
     * @return a CHECK with its title, instructions and reason, ready for {@code plan.add}
     */
    public static Action.Builder connectToPowerCheck() {
        return CONNECT_TO_POWER.check()
                .title("Make sure the iPhone is charging")
                .instructions(PLUG_IN)
                .reason("It isn't known whether the iPhone is plugged in; an iCloud backup only starts while it is charging.");
    }

    /**
     * Plugged in but not charging, with this {@code cable}, at {@code batteryPercent} (or unknown).
     *
     * @param cable the cable in use; a third-party one is swapped for an Apple cable first
     * @param batteryPercent the battery level, 0 to 100, or {@code null}: then the steps first rule out a paused charge near full
     * @return a FIX with its title, instructions and reason, ready for {@code plan.add}
     */
    public static Action.Builder tryAnotherCable(Cable cable, Integer batteryPercent) {
        Action.Builder action = TRY_ANOTHER_CABLE.fix();
        if (batteryPercent == null) {
            action.instructions("Look at the battery level first: from 75 % up, an iPhone may pause charging when the battery is full, warm, or held at 80 % by Optimized Battery Charging or the 80 % Limit. That is normal, and the cable is fine.");
        }
        if (cable == Cable.THIRD_PARTY) {
            action.instructions(
                    "Unplug the third-party cable.",
                    "Plug in the Apple cable and power adapter that came with the iPhone.");
        } else {
            action.instructions("Unplug the cable and plug in a different one, preferably an Apple cable and power adapter.");
        }
        action.instructions(
                "Try another wall outlet too.",
                "Check that the battery icon at the top of the screen now shows the charging symbol.");
        String notCharging = batteryPercent == null
                ? "The iPhone is plugged in but not charging"
                : "The iPhone is plugged in but not charging, at " + batteryPercent + " % battery";
        return action
                .reason(cable == Cable.THIRD_PARTY
                        ? notCharging + ", with a third-party cable; not every cable charges an iPhone properly."
                        : notCharging + ", so the cable or adapter may be faulty.");
    }

    // ------------------------------------------------------------------------------------------
    // Step 4: the next backup has to fit in the free iCloud space. Old devices' backups go first,
    // then app backups this iPhone can do without; a bigger plan is the other way.

    private static final List<String> OPEN_BACKUPS = List.of(
            "Open Settings.",
            "Tap your name at the top of the page.",
            "Tap iCloud, then Manage Account Storage (on older versions: Manage Storage).",
            "Tap Backups.");

    private static String storageFacts(StorageStatus storage) {
        return "iCloud has " + readable(storage.freeBytes()) + " free but the next backup needs "
                + readable(storage.nextBackupBytes()) + ", " + readable(storage.shortfallBytes()) + " short";
    }

    /**
     * iCloud is too full, and backups of devices no longer in use can go.
     *
     * @param storage the iCloud storage facts; the sizes and shortfall are quoted and the entries to remove listed
     * @return a FIX with its title, instructions and reason, ready for {@code plan.add}
     */
    public static Action.Builder deleteOldDeviceBackups(StorageStatus storage) {
        Action.Builder action = DELETE_OLD_DEVICE_BACKUPS.fix()
                .instructions(OPEN_BACKUPS);
        long freed = 0;
        for (DeviceBackup backup : storage.oldBackupsToDelete()) {
            action.instructions("Tap " + backup.device() + ", then Delete & Turn Off Backup (or Turn Off & Delete), and confirm; this frees "
                    + readable(backup.bytes()) + ".");
            freed += backup.bytes();
        }
        return action
                .reason(storageFacts(storage)
                        + (freed >= storage.shortfallBytes()
                                ? "; deleting the backups of devices no longer in use frees " + readable(freed) + "."
                                : "; deleting the backups of devices no longer in use frees " + readable(freed) + " of it."))
                .caution("Deleting a device's backup also turns off iCloud Backup for that device: only delete backups of devices you no longer use.");
    }

    /**
     * iCloud is too full, and leaving apps out of this iPhone's backup can make the rest of the room.
     *
     * @param storage the iCloud storage facts; the sizes and shortfall are quoted and the entries to remove listed
     * @return a FIX with its title, instructions and reason, ready for {@code plan.add}
     */
    public static Action.Builder freeUpICloudStorage(StorageStatus storage) {
        Action.Builder action = FREE_UP_ICLOUD_STORAGE.fix()
                .instructions(OPEN_BACKUPS)
                .instructions("Tap this iPhone's name.");
        long freed = 0;
        for (AppBackup backup : storage.appBackupsToSwitchOff()) {
            action.instructions("Turn off " + backup.app() + " and tap Turn Off & Delete; this frees " + readable(backup.bytes()) + ".");
            freed += backup.bytes();
        }
        if (freed == 0) {
            action.instructions(
                    "Turn off an app whose data you don't need in the backup, and tap Turn Off & Delete.",
                    "Repeat until at least " + readable(storage.shortAfterOldBackups()) + " is freed.");
        }
        action.instructions("Some of Apple's apps are always backed up and have no switch here.");
        String rest = storage.shortAfterOldBackups() < storage.shortfallBytes()
                ? "; after the old devices' backups, " + readable(storage.shortAfterOldBackups()) + " is still short"
                : "";
        return action
                .reason(storageFacts(storage) + rest
                        + (freed == 0 ? "; leaving apps you don't need out of the backup makes room."
                                      : "; leaving these apps out of the backup frees " + readable(freed) + "."))
                .caution("Turn Off & Delete removes the app's data from this iPhone's iCloud backup, not from the app or from its own iCloud storage; a restore from this backup won't bring it back.");
    }

    /**
     * iCloud is too full: a bigger plan makes room, as the other way to the first of the two
     * actions above that the plan lists.
     *
     * @param storage the iCloud storage facts; the shortfall is the space to buy, and what can be deleted decides which action this replaces
     * @return a FIX with its title, instructions and reason, ready for {@code plan.add}
     */
    public static Action.Builder upgradeICloudStorage(StorageStatus storage) {
        return UPGRADE_ICLOUD_STORAGE.fix()
                .instructions(
                        "Open Settings.",
                        "Tap your name at the top of the page.",
                        "Tap iCloud, then Manage Account Storage (on older versions: Manage Storage).",
                        "Tap Change Storage Plan (or Upgrade to iCloud+).",
                        "Choose a plan with at least " + readable(storage.shortfallBytes()) + " more space and confirm the purchase.")
                .reason(storageFacts(storage) + "; a larger plan costs a few dollars a month and makes room for good.")
                .alternativeTo(!storage.oldBackupsToDelete().isEmpty() ? DELETE_OLD_DEVICE_BACKUPS.id()
                        : storage.appBackupsCoverTheRest() != Answer.NO ? FREE_UP_ICLOUD_STORAGE.id() : null);
    }

    /**
     * It isn't known whether the next backup fits in iCloud.
     *
     * @return a CHECK with its title, instructions and reason, ready for {@code plan.add}
     */
    public static Action.Builder freeUpICloudStorageCheck() {
        return FREE_UP_ICLOUD_STORAGE.check()
                .title("Check that the backup fits in iCloud")
                .instructions(
                        "Open Settings.",
                        "Tap your name at the top of the page.",
                        "Tap iCloud, then Manage Account Storage (on older versions: Manage Storage).",
                        "Compare the free space with the size of the next backup (tap Backups, then this iPhone).",
                        "If it doesn't fit, delete the backups of devices you no longer use, turn off app backups you don't need, or tap Change Storage Plan for more space.")
                .reason("It isn't known whether the next backup fits in the free iCloud space; a backup that doesn't fit fails.");
    }

    // ------------------------------------------------------------------------------------------
    // Step 5: when Apple's iCloud Backup service is down, nothing on the iPhone helps.

    /**
     * Apple reports an outage of iCloud Backup.
     *
     * @return a FIX with its title, instructions and reason, ready for {@code plan.add}
     */
    public static Action.Builder waitForICloudService() {
        return WAIT_FOR_ICLOUD_SERVICE.fix()
                .instructions(
                        "Open Apple's System Status page (apple.com/support/systemstatus) in a browser.",
                        "Wait until iCloud Backup shows a green light again.",
                        "Then leave the iPhone locked, plugged in and on Wi-Fi so the backup can run.")
                .reason("Apple's System Status page shows an outage of iCloud Backup; no backup can reach iCloud until it is over.");
    }

    /**
     * It isn't known whether Apple's service works.
     *
     * @return a CHECK with its title, instructions and reason, ready for {@code plan.add}
     */
    public static Action.Builder checkSystemStatus() {
        return CHECK_SYSTEM_STATUS.check()
                .instructions(
                        "Open Apple's System Status page (apple.com/support/systemstatus) in a browser.",
                        "Find iCloud Backup in the list.",
                        "A green light means the service works and the problem is on the iPhone; anything else means waiting for Apple.")
                .reason("It isn't known whether Apple's iCloud Backup service is working; when it is down, no backup can succeed.");
    }

    // ------------------------------------------------------------------------------------------
    // Step 6: the Apple Account must be signed in, verified and in good standing.

    private static final List<String> SIGN_OUT_AND_BACK_IN_STEPS = List.of(
            "First, open Settings: if it shows a message about your Apple Account (such as a request for your password), tap it and sign in again with your current password, then tap Back Up Now under your name > iCloud > iCloud Backup. If the backup now works, stop here.",
            "Otherwise, tap your name at the top of Settings.",
            "Scroll down and tap Sign Out.",
            "If asked, enter your Apple Account password and tap Turn Off to switch off Find My.",
            "Tap Sign Out, and Sign Out again to confirm.",
            "Tap Sign in at the top of Settings and enter your Apple Account email or phone number and password.",
            "If a verification code appears on another of your Apple devices, enter it, then your iPhone's passcode.",
            "Leave the iPhone locked, plugged in and on Wi-Fi, for example overnight, so the backup can run.");

    private static final String SIGN_OUT_CAUTION =
            "Have your Apple Account password at hand before you sign out: you need it to sign back in.";

    /**
     * The Apple Account's email address was never verified.
     *
     * @return a FIX with its title, instructions and reason, ready for {@code plan.add}
     */
    public static Action.Builder verifyAccountEmail() {
        return VERIFY_ACCOUNT_EMAIL.fix()
                .instructions(
                        "Look in your inbox for the email from Apple that asks you to verify your address, and tap Verify Now in it.",
                        "If you can't find it, open Settings, tap your name, then Sign-In & Security (on older versions: Name, Phone Numbers, Email).",
                        "Tap your email address and follow the steps to verify it; Apple sends a new code or link.",
                        "Check the junk mail folder if nothing arrives within a few minutes.")
                .reason("The Apple Account's email address was never verified; until it is, iCloud may refuse to back up.");
    }

    /**
     * The Apple Account doesn't use two-factor authentication.
     *
     * @return a FIX with its title, instructions and reason, ready for {@code plan.add}
     */
    public static Action.Builder turnOnTwoFactor() {
        return TURN_ON_TWO_FACTOR.fix()
                .instructions(
                        "Open Settings.",
                        "Tap your name, then Sign-In & Security.",
                        "Tap Turn On Two-Factor Authentication, then Continue.",
                        "Enter a phone number that can receive verification codes, and confirm it with the code Apple sends.")
                .reason("The Apple Account doesn't use two-factor authentication; since iOS 16.3, such accounts have been reported to lose iCloud Backup.")
                .caution("Keep the trusted phone number current: it is how you get back into the account if you lose this iPhone.");
    }

    /**
     * The iPhone isn't signed in to iCloud.
     *
     * @return a FIX with its title, instructions and reason, ready for {@code plan.add}
     */
    public static Action.Builder signInToICloud() {
        return SIGN_IN_TO_ICLOUD.fix()
                .instructions(
                        "Open Settings.",
                        "Tap Sign in at the top of the page.",
                        "Enter your Apple Account email or phone number and password.",
                        "If a verification code appears on another of your Apple devices, enter it, then your iPhone's passcode.")
                .reason("The iPhone isn't signed in to iCloud, so there is no account to back up to.");
    }

    /**
     * iCloud asks to verify the Apple Account.
     *
     * @return a FIX with its title, instructions and reason, ready for {@code plan.add}
     */
    public static Action.Builder signOutAndBackIn() {
        return SIGN_OUT_AND_BACK_IN.fix()
                .instructions(SIGN_OUT_AND_BACK_IN_STEPS)
                .reason("iCloud is asking to verify the Apple Account; signing in again clears verification problems.")
                .caution(SIGN_OUT_CAUTION);
    }

    /**
     * A general remedy: signing in again clears account problems that show no message.
     *
     * @return a TRY with its title, instructions and reason, ready for {@code plan.add}
     */
    public static Action.Builder signOutAndBackInTry() {
        return SIGN_OUT_AND_BACK_IN.tryIt()
                .instructions(SIGN_OUT_AND_BACK_IN_STEPS)
                .reason("Signing in to iCloud again often clears account problems that stop backups without showing a message.")
                .caution(SIGN_OUT_CAUTION);
    }

    // ------------------------------------------------------------------------------------------
    // Step 7: a restart clears the iPhone's temporary memory. The buttons depend on the model.

    /**
     * A general remedy, with the buttons of this {@code modelFamily}; {@code model} may be unknown.
     *
     * @param modelFamily which buttons restart the iPhone; UNKNOWN gives both ways
     * @param model the marketing name, named in the reason, or {@code null} if unknown
     * @return a TRY with its title, instructions and reason, ready for {@code plan.add}
     */
    public static Action.Builder restartIphone(ModelFamily modelFamily, String model) {
        Action.Builder action = RESTART_IPHONE.tryIt();
        if (modelFamily == ModelFamily.FACE_ID) {
            action.instructions("Hold the Side button and either Volume button until the slide to power off slider appears.");
        } else if (modelFamily == ModelFamily.HOME_BUTTON) {
            action.instructions("Hold the Side (or Top) button until the slide to power off slider appears.");
        } else {
            action.instructions(
                    "On an iPhone X or later, or an iPhone Air (Face ID): hold the Side button and either Volume button until the slide to power off slider appears.",
                    "On an iPhone 8 or earlier, or any iPhone SE: hold the Side (or Top) button until the slide to power off slider appears.");
        }
        return action
                .instructions(
                        "Drag the slider to the right and wait for the iPhone to turn off.",
                        "Hold the Side (or Top) button until the Apple logo appears.")
                .reason("A restart clears the iPhone's temporary memory, which sometimes gets backups going again"
                        + (model == null ? "." : "; these are the steps for an " + model + "."));
    }

    // ------------------------------------------------------------------------------------------
    // Step 8: resetting all settings removes a setting that interferes, at the price of preferences.

    /**
     * A general remedy, after a restart.
     *
     * @return a TRY with its title, instructions and reason, ready for {@code plan.add}
     */
    public static Action.Builder resetAllSettings() {
        return RESET_ALL_SETTINGS.tryIt()
                .instructions(
                        "Write down your Wi-Fi passwords first: the reset forgets them.",
                        "Open Settings.",
                        "Tap General.",
                        "Scroll down and tap Transfer or Reset iPhone.",
                        "Tap Reset, then Reset All Settings, and enter your passcode to confirm.")
                .reason("If a restart didn't help, a setting may be interfering with the backup; resetting all settings clears it.")
                .caution("This keeps your data, apps and photos, but erases preferences: saved Wi-Fi passwords, location and privacy settings, the keyboard dictionary, and the Apple Pay cards in Wallet, which you add again afterwards.");
    }

    // ------------------------------------------------------------------------------------------
    // Step 9: a software bug may stop backups; a newer iOS may fix it.

    /**
     * A general remedy while an update is available, or may be.
     *
     * @param device the iPhone; when an update is known to be available, both iOS versions are quoted
     * @return a TRY with its title, instructions and reason, ready for {@code plan.add}
     */
    public static Action.Builder updateIos(DeviceInfo device) {
        return UPDATE_IOS.tryIt()
                .instructions(
                        "Connect the iPhone to Wi-Fi and plug it into power: the update needs both.",
                        "Open Settings.",
                        "Tap General, then Software Update.",
                        "If an update is available, tap Update Now (or Download and Install).",
                        "Enter your passcode if asked.")
                .reason(device.updateAvailable() == Answer.YES
                        ? "The iPhone runs iOS " + device.iosVersion() + " and iOS " + device.latestIosVersion()
                                + " is available; a software bug may be stopping the backup."
                        : "It isn't known whether a newer iOS is available; an update may fix a bug that stops backups.");
    }

    // ------------------------------------------------------------------------------------------
    // No step: one app's data can make every backup fail with "The last backup could not be
    // completed". Apps from outside the App Store are the usual suspects.

    private static final List<String> FIND_THE_APP = List.of(
            "Open Settings, tap your name, then iCloud, then Manage Account Storage (on older versions: Manage Storage).",
            "Tap Backups, then this iPhone's name.",
            "Turn off the backup of one app and tap Turn Off & Delete: apps from outside the App Store first (TrollStore, AltStore, developer or enterprise builds), then the most recently installed.",
            "Go back to iCloud Backup and tap Back Up Now.",
            "If the backup now completes, that app was breaking it: update it or remove it, then turn its backup back on if you want.",
            "If it still fails, turn the app's backup back on, turn off the next one, and tap Back Up Now again.");

    private static final String APP_BACKUP_CAUTION =
            "While an app's backup is off, its data is on the iPhone only: turn it back on once the app that breaks the backup is found.";

    /**
     * Apps from outside the App Store are installed.
     *
     * @return a FIX with its title, instructions and reason, ready for {@code plan.add}
     */
    public static Action.Builder findAppBreakingBackup() {
        return FIND_APP_BREAKING_BACKUP.fix()
                .instructions(FIND_THE_APP)
                .reason("Apps from outside the App Store are installed, and their data is a reported cause of \"The last backup could not be completed\".")
                .caution(APP_BACKUP_CAUTION);
    }

    /**
     * A general remedy, before backing up to a computer.
     *
     * @return a TRY with its title, instructions and reason, ready for {@code plan.add}
     */
    public static Action.Builder findAppBreakingBackupTry() {
        return FIND_APP_BREAKING_BACKUP.tryIt()
                .instructions(FIND_THE_APP)
                .reason("When backups fail with \"The last backup could not be completed\", one app's data is often the cause.")
                .caution(APP_BACKUP_CAUTION);
    }

    // ------------------------------------------------------------------------------------------
    // No step, the last resort: a computer backup doesn't depend on iCloud, so it also works
    // while Apple's service is down.

    /**
     * No other remedy is left to try, or Apple's service is down ({@code icloudBackup}).
     *
     * @param icloudBackup the state of Apple's service; OUTAGE makes this the way to back up meanwhile
     * @return a TRY with its title, instructions and reason, ready for {@code plan.add}
     */
    public static Action.Builder backUpWithComputer(ServiceState icloudBackup) {
        return backUpWithComputer().reason(icloudBackup == ServiceState.OUTAGE
                ? "Apple's iCloud Backup service is down, but a backup to a computer still works."
                : "Every remedy on the iPhone has been tried or doesn't apply; a backup to a computer doesn't depend on iCloud.");
    }

    /**
     * The last iCloud backup is stale ({@link ICloudSettings#STALE_BACKUP_DAYS} days or more): the
     * iPhone's data should be backed up now, beside the other remedies.
     *
     * @param icloudBackup the state of Apple's service; OUTAGE is named in the reason
     * @param lastBackupDaysAgo days since the last completed iCloud backup
     * @return a TRY with its title, instructions and reason, ready for {@code plan.add}
     */
    public static Action.Builder backUpWithComputer(ServiceState icloudBackup, int lastBackupDaysAgo) {
        return backUpWithComputer().reason(icloudBackup == ServiceState.OUTAGE
                ? "Apple's iCloud Backup service is down, and the iPhone hasn't backed up to iCloud for " + lastBackupDaysAgo
                        + " days: a backup to a computer still works, and keeps its data safe now."
                : "The iPhone hasn't backed up to iCloud for " + lastBackupDaysAgo
                        + " days: a backup to a computer keeps its data safe now, while iCloud Backup is being sorted out.");
    }

    private static Action.Builder backUpWithComputer() {
        return BACK_UP_WITH_COMPUTER.tryIt()
                .instructions(
                        "Connect the iPhone to a computer with its cable, and tap Trust on the iPhone if asked.",
                        "On a Mac with macOS Catalina or later, open Finder and select the iPhone in the sidebar; on Windows or an older Mac, open the Apple Devices app or iTunes and select the iPhone.",
                        "Choose to back up all of the data on your iPhone to this computer.",
                        "Click Back Up Now and wait until it finishes.");
    }
}
