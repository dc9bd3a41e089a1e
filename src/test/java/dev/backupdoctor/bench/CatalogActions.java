package dev.backupdoctor.bench;

import static dev.backupdoctor.facts.Sizes.readable;

import dev.backupdoctor.facts.Action;
import dev.backupdoctor.facts.Answer;
import dev.backupdoctor.facts.AppBackup;
import dev.backupdoctor.facts.Cable;
import dev.backupdoctor.facts.DeviceBackup;
import dev.backupdoctor.facts.DeviceInfo;
import dev.backupdoctor.facts.Kind;
import dev.backupdoctor.facts.ModelFamily;
import dev.backupdoctor.facts.PowerState;
import dev.backupdoctor.facts.ServiceState;
import dev.backupdoctor.facts.StorageStatus;
import dev.backupdoctor.facts.WifiStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in catalog's actions, word for word as the DRL writes them, for the planners Backup
 * Doctor is measured against. Sharing them means every planner builds the same objects, so a
 * benchmark compares the deciding, not the string building.
 */
final class CatalogActions {

    private static final List<String> TURN_ON_ICLOUD_BACKUP = List.of(
            "Open Settings.",
            "Tap your name at the top of the page.",
            "Tap iCloud.",
            "Tap iCloud Backup.",
            "Turn on Back Up This iPhone (the switch turns green), and tap OK if asked.");
    private static final List<String> JOIN_WIFI = List.of(
            "Open Settings.",
            "Tap Wi-Fi.",
            "Turn on Wi-Fi (the switch turns green).",
            "If the iPhone doesn't join a known network by itself, tap your network and enter its password.",
            "Check that the Wi-Fi symbol now shows at the top of the screen.");
    private static final List<String> PLUG_IN = List.of(
            "Plug the iPhone into a wall outlet, or into a computer, with its charging cable.",
            "Check that the battery icon at the top of the screen shows the charging symbol.");
    private static final List<String> OPEN_BACKUPS = List.of(
            "Open Settings.",
            "Tap your name at the top of the page.",
            "Tap iCloud, then Manage Account Storage (on older versions: Manage Storage).",
            "Tap Backups.");
    private static final List<String> SIGN_OUT_AND_BACK_IN = List.of(
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
    private static final List<String> FIND_THE_APP = List.of(
            "Open Settings, tap your name, then iCloud, then Manage Account Storage (on older versions: Manage Storage).",
            "Tap Backups, then this iPhone's name.",
            "Turn off the backup of one app and tap Turn Off & Delete: apps from outside the App Store first (TrollStore, AltStore, developer or enterprise builds), then the most recently installed.",
            "Go back to iCloud Backup and tap Back Up Now.",
            "If the backup now completes, that app was breaking it: update it or remove it, then turn its backup back on if you want.",
            "If it still fails, turn the app's backup back on, turn off the next one, and tap Back Up Now again.");
    private static final String APP_BACKUP_CAUTION =
            "While an app's backup is off, its data is on the iPhone only: turn it back on once the app that breaks the backup is found.";

    private CatalogActions() {
    }

    private static Action action(String rule, Kind kind, String id, Integer step, String title,
            List<String> instructions, String reason, String caution) {
        return alternative(rule, kind, id, step, title, instructions, reason, caution, null);
    }

    private static Action alternative(String rule, Kind kind, String id, Integer step, String title,
            List<String> instructions, String reason, String caution, String alternativeTo) {
        return new Action(id, kind, step, title, instructions, reason, caution, alternativeTo, rule, List.of());
    }

    static Action allowICloudBackup() {
        return action("iCloud Backup is restricted", Kind.FIX, "ALLOW_ICLOUD_BACKUP", 1, "Allow iCloud Backup",
                List.of("If the iPhone belongs to a company or school, a device-management profile restricts it (it shows under Settings > General > VPN & Device Management), and only its administrator can lift the restriction: ask them to allow iCloud Backup. The next steps are for a Screen Time restriction.",
                        "Open Settings and tap Screen Time.",
                        "Tap Content & Privacy Restrictions, and enter the Screen Time passcode if asked.",
                        "Under Allow Changes, tap Account Changes and choose Allow.",
                        "Then turn on iCloud Backup: tap your name at the top of Settings, then iCloud, then iCloud Backup."),
                "iCloud Backup or account changes are restricted on this iPhone, by Screen Time or by a device-management profile, so it can't back up to iCloud.",
                "Don't remove a company or school profile yourself: the iPhone may lose its work email, Wi-Fi and apps. The Screen Time passcode is not the iPhone's passcode; if a parent or an employer set it, ask them.");
    }

    static Action turnOnICloudBackup() {
        return action("iCloud Backup is off", Kind.FIX, "TURN_ON_ICLOUD_BACKUP", 1, "Turn on iCloud Backup",
                TURN_ON_ICLOUD_BACKUP, "iCloud Backup is switched off, so automatic backups never start.", null);
    }

    static Action checkICloudBackup() {
        return action("iCloud Backup may be off", Kind.CHECK, "TURN_ON_ICLOUD_BACKUP", 1, "Make sure iCloud Backup is on",
                TURN_ON_ICLOUD_BACKUP,
                "It isn't known whether iCloud Backup is switched on; while it is off, automatic backups never start.", null);
    }

    static Action lockIphone() {
        return action("Screen is unlocked", Kind.FIX, "LOCK_IPHONE", 1, "Lock your iPhone",
                List.of("Press the Side (or Top) button once to lock the screen.",
                        "Leave it locked, plugged in and on Wi-Fi, for example overnight, so the backup can start and finish."),
                "The screen is unlocked; automatic iCloud backups only start while the iPhone is locked.", null);
    }

    static Action backUpNow() {
        return action("Back up now", Kind.TRY, "BACK_UP_NOW", 1, "Tap Back Up Now and read what it says",
                List.of("Connect the iPhone to Wi-Fi (or turn on Back Up Over Cellular) and plug it into power.",
                        "Open Settings, tap your name, then iCloud, then iCloud Backup.",
                        "Tap Back Up Now and stay on that screen until the backup finishes: the time of the last successful backup then shows below the button.",
                        "If a message shows below the button instead, it names the cause: \"Not enough iCloud storage\" means making room in iCloud (step 4); a message about Wi-Fi or the network, checking the connection, Low Data Mode and any VPN or filter (step 2); a request for your password, or to verify or sign in to your Apple Account, signing in again (step 6); \"The last backup could not be completed\", finding the app that breaks the backup."),
                "A backup started by hand shows at once whether iCloud Backup works, and when it doesn't, iOS says why.", null);
    }

    static Action connectToWifi(boolean wifiOff) {
        return action("Wi-Fi is off or not connected", Kind.FIX, "CONNECT_TO_WIFI", 2, "Connect to Wi-Fi", JOIN_WIFI,
                wifiOff ? "Wi-Fi is switched off; iCloud backs up over Wi-Fi."
                        : "The iPhone isn't connected to a Wi-Fi network; iCloud backs up over Wi-Fi.",
                null);
    }

    static Action checkWifi() {
        return action("Wi-Fi connection unknown", Kind.CHECK, "CONNECT_TO_WIFI", 2, "Make sure the iPhone is on Wi-Fi",
                JOIN_WIFI, "It isn't known whether the iPhone is connected to Wi-Fi; iCloud backs up over Wi-Fi.", null);
    }

    static Action moveCloserToRouter(WifiStatus wifi) {
        return action("Wi-Fi signal is weak", Kind.FIX, "MOVE_CLOSER_TO_ROUTER", 2, "Move closer to the Wi-Fi router",
                List.of("Take the iPhone to the room where the Wi-Fi router is, or closer to it.",
                        "Check that the Wi-Fi symbol at the top of the screen shows all three arcs.",
                        "Leave the iPhone there, plugged in and locked, until the backup finishes."),
                "The Wi-Fi signal shows " + wifi.signalBars()
                        + " of 3 bars; a signal that weak may drop before a backup can finish.",
                null);
    }

    static Action turnOffLowDataMode() {
        return action("Low Data Mode is on", Kind.FIX, "TURN_OFF_LOW_DATA_MODE", 2, "Turn off Low Data Mode",
                List.of("Open Settings.",
                        "Tap Wi-Fi.",
                        "Tap the info button (i) beside the network the iPhone is on.",
                        "Turn off Low Data Mode.",
                        "If the iPhone is on another device's Personal Hotspot, Low Data Mode is on there by default: turn it off the same way, or back up on a home or office Wi-Fi instead."),
                "Low Data Mode is on for the Wi-Fi network the iPhone is on, and iOS turns automatic iCloud backups off on such a network.",
                "Low Data Mode saves a limited data plan: on a hotspot or a metered network, a backup may use several gigabytes of it.");
    }

    static Action turnOnCellularBackup(DeviceInfo device) {
        return alternative("Back up over cellular instead", Kind.FIX, "TURN_ON_CELLULAR_BACKUP", 2,
                "Turn on Back Up Over Cellular",
                List.of("Open Settings.",
                        "Tap your name at the top of the page.",
                        "Tap iCloud, then iCloud Backup.",
                        "Turn on Back Up Over Cellular (it needs iOS 15 or later).",
                        "If the switch isn't there, your carrier doesn't offer backups over cellular: connect to Wi-Fi instead."),
                "The iPhone isn't on Wi-Fi, but an " + device.model()
                        + " has 5G and can back up over the cellular network instead.",
                "A backup can take several gigabytes: without an unlimited data plan it may use up the month's data or cost extra.",
                "CONNECT_TO_WIFI");
    }

    static Action pauseNetworkFilter() {
        return action("A VPN or network filter is in the way", Kind.FIX, "PAUSE_NETWORK_FILTER", 2,
                "Pause the VPN or network filter while backing up",
                List.of("If a VPN is on, disconnect it in its app or under Settings > VPN.",
                        "If the network uses a filtering or ad-blocking DNS (Pi-hole, AdGuard Home, NextDNS), a firewall or a proxy, pause it, or allow Apple's iCloud servers through it.",
                        "Or back up on another network without the filter.",
                        "Open Settings, tap your name, then iCloud, then iCloud Backup, and tap Back Up Now; wait until it finishes.",
                        "Turn the VPN or filter back on afterwards."),
                "A VPN or network filter stands between the iPhone and Apple's servers; when it blocks iCloud's servers, the backup fails.",
                "A company VPN may be required for work: ask your IT team before pausing it.");
    }

    static Action connectToPower() {
        return action("Not plugged in", Kind.FIX, "CONNECT_TO_POWER", 3, "Connect to power", PLUG_IN,
                "The iPhone isn't plugged in; an iCloud backup only starts while it is charging.", null);
    }

    static Action checkPower() {
        return action("Power connection unknown", Kind.CHECK, "CONNECT_TO_POWER", 3, "Make sure the iPhone is charging",
                PLUG_IN, "It isn't known whether the iPhone is plugged in; an iCloud backup only starts while it is charging.",
                null);
    }

    static Action tryAnotherCable(PowerState power) {
        Integer battery = power.batteryPercent();
        boolean thirdParty = power.cable() == Cable.THIRD_PARTY;
        List<String> instructions = new ArrayList<>(5);
        if (battery == null) {
            instructions.add("Look at the battery level first: from 75 % up, an iPhone may pause charging when the battery is full, warm, or held at 80 % by Optimized Battery Charging or the 80 % Limit. That is normal, and the cable is fine.");
        }
        if (thirdParty) {
            instructions.add("Unplug the third-party cable.");
            instructions.add("Plug in the Apple cable and power adapter that came with the iPhone.");
        } else {
            instructions.add("Unplug the cable and plug in a different one, preferably an Apple cable and power adapter.");
        }
        instructions.add("Try another wall outlet too.");
        instructions.add("Check that the battery icon at the top of the screen now shows the charging symbol.");
        String notCharging = battery == null
                ? "The iPhone is plugged in but not charging"
                : "The iPhone is plugged in but not charging, at " + battery + " % battery";
        return action("Plugged in but not charging", Kind.FIX, "TRY_ANOTHER_CABLE", 3, "Try another cable", instructions,
                thirdParty
                        ? notCharging + ", with a third-party cable; not every cable charges an iPhone properly."
                        : notCharging + ", so the cable or adapter may be faulty.",
                null);
    }

    private static String storageFacts(StorageStatus storage) {
        return "iCloud has " + readable(storage.freeBytes()) + " free but the next backup needs "
                + readable(storage.nextBackupBytes()) + ", " + readable(storage.shortfallBytes()) + " short";
    }

    static Action deleteOldDeviceBackups(StorageStatus storage, List<DeviceBackup> toDelete) {
        List<String> instructions = new ArrayList<>(OPEN_BACKUPS.size() + toDelete.size());
        instructions.addAll(OPEN_BACKUPS);
        long freed = 0;
        for (DeviceBackup backup : toDelete) {
            instructions.add("Tap " + backup.device()
                    + ", then Delete & Turn Off Backup (or Turn Off & Delete), and confirm; this frees "
                    + readable(backup.bytes()) + ".");
            freed += backup.bytes();
        }
        return action("Old device backups fill iCloud", Kind.FIX, "DELETE_OLD_DEVICE_BACKUPS", 4,
                "Delete old devices' backups", instructions,
                storageFacts(storage)
                        + (freed >= storage.shortfallBytes()
                                ? "; deleting the backups of devices no longer in use frees " + readable(freed) + "."
                                : "; deleting the backups of devices no longer in use frees " + readable(freed) + " of it."),
                "Deleting a device's backup also turns off iCloud Backup for that device: only delete backups of devices you no longer use.");
    }

    static Action freeUpICloudStorage(StorageStatus storage) {
        List<String> instructions = new ArrayList<>(OPEN_BACKUPS.size() + 4);
        instructions.addAll(OPEN_BACKUPS);
        instructions.add("Tap this iPhone's name.");
        long freed = 0;
        for (AppBackup backup : storage.appBackupsToSwitchOff()) {
            instructions.add("Turn off " + backup.app() + " and tap Turn Off & Delete; this frees "
                    + readable(backup.bytes()) + ".");
            freed += backup.bytes();
        }
        long rest = storage.shortAfterOldBackups();
        if (freed == 0) {
            instructions.add("Turn off an app whose data you don't need in the backup, and tap Turn Off & Delete.");
            instructions.add("Repeat until at least " + readable(rest) + " is freed.");
        }
        instructions.add("Some of Apple's apps are always backed up and have no switch here.");
        String afterOldBackups = rest < storage.shortfallBytes()
                ? "; after the old devices' backups, " + readable(rest) + " is still short"
                : "";
        return action("iCloud is full and app backups can make room", Kind.FIX, "FREE_UP_ICLOUD_STORAGE", 4,
                "Free up iCloud storage", instructions,
                storageFacts(storage) + afterOldBackups
                        + (freed == 0 ? "; leaving apps you don't need out of the backup makes room."
                                      : "; leaving these apps out of the backup frees " + readable(freed) + "."),
                "Turn Off & Delete removes the app's data from this iPhone's iCloud backup, not from the app or from its own iCloud storage; a restore from this backup won't bring it back.");
    }

    /** {@code alternativeTo} is the first way of freeing space the plan lists as a FIX, or {@code null}. */
    static Action upgradeICloudStorage(StorageStatus storage, String alternativeTo) {
        return alternative("iCloud is full", Kind.FIX, "UPGRADE_ICLOUD_STORAGE", 4, "Upgrade your iCloud storage",
                List.of("Open Settings.",
                        "Tap your name at the top of the page.",
                        "Tap iCloud, then Manage Account Storage (on older versions: Manage Storage).",
                        "Tap Change Storage Plan (or Upgrade to iCloud+).",
                        "Choose a plan with at least " + readable(storage.shortfallBytes())
                                + " more space and confirm the purchase."),
                storageFacts(storage) + "; a larger plan costs a few dollars a month and makes room for good.", null,
                alternativeTo);
    }

    static Action checkICloudStorage() {
        return action("iCloud storage unknown", Kind.CHECK, "FREE_UP_ICLOUD_STORAGE", 4,
                "Check that the backup fits in iCloud",
                List.of("Open Settings.",
                        "Tap your name at the top of the page.",
                        "Tap iCloud, then Manage Account Storage (on older versions: Manage Storage).",
                        "Compare the free space with the size of the next backup (tap Backups, then this iPhone).",
                        "If it doesn't fit, delete the backups of devices you no longer use, turn off app backups you don't need, or tap Change Storage Plan for more space."),
                "It isn't known whether the next backup fits in the free iCloud space; a backup that doesn't fit fails.", null);
    }

    static Action waitForICloudService() {
        return action("Apple reports an outage", Kind.FIX, "WAIT_FOR_ICLOUD_SERVICE", 5,
                "Wait for Apple to fix iCloud Backup",
                List.of("Open Apple's System Status page (apple.com/support/systemstatus) in a browser.",
                        "Wait until iCloud Backup shows a green light again.",
                        "Then leave the iPhone locked, plugged in and on Wi-Fi so the backup can run."),
                "Apple's System Status page shows an outage of iCloud Backup; no backup can reach iCloud until it is over.",
                null);
    }

    static Action checkSystemStatus() {
        return action("Apple's service status unknown", Kind.CHECK, "CHECK_SYSTEM_STATUS", 5,
                "Check Apple's System Status page",
                List.of("Open Apple's System Status page (apple.com/support/systemstatus) in a browser.",
                        "Find iCloud Backup in the list.",
                        "A green light means the service works and the problem is on the iPhone; anything else means waiting for Apple."),
                "It isn't known whether Apple's iCloud Backup service is working; when it is down, no backup can succeed.",
                null);
    }

    static Action verifyAccountEmail() {
        return action("Apple Account email not verified", Kind.FIX, "VERIFY_ACCOUNT_EMAIL", 6,
                "Verify your Apple Account email address",
                List.of("Look in your inbox for the email from Apple that asks you to verify your address, and tap Verify Now in it.",
                        "If you can't find it, open Settings, tap your name, then Sign-In & Security (on older versions: Name, Phone Numbers, Email).",
                        "Tap your email address and follow the steps to verify it; Apple sends a new code or link.",
                        "Check the junk mail folder if nothing arrives within a few minutes."),
                "The Apple Account's email address was never verified; until it is, iCloud may refuse to back up.", null);
    }

    static Action turnOnTwoFactor() {
        return action("Two-factor authentication is off", Kind.FIX, "TURN_ON_TWO_FACTOR", 6,
                "Turn on two-factor authentication",
                List.of("Open Settings.",
                        "Tap your name, then Sign-In & Security.",
                        "Tap Turn On Two-Factor Authentication, then Continue.",
                        "Enter a phone number that can receive verification codes, and confirm it with the code Apple sends."),
                "The Apple Account doesn't use two-factor authentication; since iOS 16.3, such accounts have been reported to lose iCloud Backup.",
                "Keep the trusted phone number current: it is how you get back into the account if you lose this iPhone.");
    }

    static Action signInToICloud() {
        return action("Signed out of iCloud", Kind.FIX, "SIGN_IN_TO_ICLOUD", 6, "Sign in to iCloud",
                List.of("Open Settings.",
                        "Tap Sign in at the top of the page.",
                        "Enter your Apple Account email or phone number and password.",
                        "If a verification code appears on another of your Apple devices, enter it, then your iPhone's passcode."),
                "The iPhone isn't signed in to iCloud, so there is no account to back up to.", null);
    }

    static Action signOutAndBackInFix() {
        return action("Apple Account needs verification", Kind.FIX, "SIGN_OUT_AND_BACK_IN", 6,
                "Sign in again, or sign out of iCloud and back in", SIGN_OUT_AND_BACK_IN,
                "iCloud is asking to verify the Apple Account; signing in again clears verification problems.",
                SIGN_OUT_CAUTION);
    }

    static Action signOutAndBackInTry() {
        return action("Sign out and back in", Kind.TRY, "SIGN_OUT_AND_BACK_IN", 6,
                "Sign in again, or sign out of iCloud and back in", SIGN_OUT_AND_BACK_IN,
                "Signing in to iCloud again often clears account problems that stop backups without showing a message.",
                SIGN_OUT_CAUTION);
    }

    static Action restartIphone(DeviceInfo device) {
        List<String> instructions = new ArrayList<>(4);
        ModelFamily family = device.modelFamily();
        if (family == ModelFamily.FACE_ID) {
            instructions.add("Hold the Side button and either Volume button until the slide to power off slider appears.");
        } else if (family == ModelFamily.HOME_BUTTON) {
            instructions.add("Hold the Side (or Top) button until the slide to power off slider appears.");
        } else {
            instructions.add("On an iPhone X or later, or an iPhone Air (Face ID): hold the Side button and either Volume button until the slide to power off slider appears.");
            instructions.add("On an iPhone 8 or earlier, or any iPhone SE: hold the Side (or Top) button until the slide to power off slider appears.");
        }
        instructions.add("Drag the slider to the right and wait for the iPhone to turn off.");
        instructions.add("Hold the Side (or Top) button until the Apple logo appears.");
        String model = device.model();
        return action("Restart the iPhone", Kind.TRY, "RESTART_IPHONE", 7, "Restart your iPhone", instructions,
                "A restart clears the iPhone's temporary memory, which sometimes gets backups going again"
                        + (model == null ? "." : "; these are the steps for an " + model + "."),
                null);
    }

    static Action resetAllSettings() {
        return action("Reset all settings", Kind.TRY, "RESET_ALL_SETTINGS", 8, "Reset all settings",
                List.of("Write down your Wi-Fi passwords first: the reset forgets them.",
                        "Open Settings.",
                        "Tap General.",
                        "Scroll down and tap Transfer or Reset iPhone.",
                        "Tap Reset, then Reset All Settings, and enter your passcode to confirm."),
                "If a restart didn't help, a setting may be interfering with the backup; resetting all settings clears it.",
                "This keeps your data, apps and photos, but erases preferences: saved Wi-Fi passwords, location and privacy settings, the keyboard dictionary, and the Apple Pay cards in Wallet, which you add again afterwards.");
    }

    static Action updateIos(DeviceInfo device, Answer updateAvailable) {
        return action("Update iOS", Kind.TRY, "UPDATE_IOS", 9, "Update iOS",
                List.of("Connect the iPhone to Wi-Fi and plug it into power: the update needs both.",
                        "Open Settings.",
                        "Tap General, then Software Update.",
                        "If an update is available, tap Update Now (or Download and Install).",
                        "Enter your passcode if asked."),
                updateAvailable == Answer.YES
                        ? "The iPhone runs iOS " + device.iosVersion() + " and iOS " + device.latestIosVersion()
                                + " is available; a software bug may be stopping the backup."
                        : "It isn't known whether a newer iOS is available; an update may fix a bug that stops backups.",
                null);
    }

    static Action findAppBreakingBackupFix() {
        return action("Apps from outside the App Store", Kind.FIX, "FIND_APP_BREAKING_BACKUP", null,
                "Find the app that breaks the backup", FIND_THE_APP,
                "Apps from outside the App Store are installed, and their data is a reported cause of \"The last backup could not be completed\".",
                APP_BACKUP_CAUTION);
    }

    static Action findAppBreakingBackupTry() {
        return action("Find the app that breaks the backup", Kind.TRY, "FIND_APP_BREAKING_BACKUP", null,
                "Find the app that breaks the backup", FIND_THE_APP,
                "When backups fail with \"The last backup could not be completed\", one app's data is often the cause.",
                APP_BACKUP_CAUTION);
    }

    static Action backUpWithComputer(ServiceState service) {
        return action("Back up with a computer", Kind.TRY, "BACK_UP_WITH_COMPUTER", null, "Back up with a computer instead",
                List.of("Connect the iPhone to a computer with its cable, and tap Trust on the iPhone if asked.",
                        "On a Mac with macOS Catalina or later, open Finder and select the iPhone in the sidebar; on Windows or an older Mac, open the Apple Devices app or iTunes and select the iPhone.",
                        "Choose to back up all of the data on your iPhone to this computer.",
                        "Click Back Up Now and wait until it finishes."),
                service == ServiceState.OUTAGE
                        ? "Apple's iCloud Backup service is down, but a backup to a computer still works."
                        : "Every remedy on the iPhone has been tried or doesn't apply; a backup to a computer doesn't depend on iCloud.",
                null);
    }
}
