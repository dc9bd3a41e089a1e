package dev.backupdoctor.bench;

import static dev.backupdoctor.facts.Sizes.readable;

import dev.backupdoctor.Action;
import dev.backupdoctor.Kind;
import dev.backupdoctor.facts.AppBackup;
import dev.backupdoctor.facts.Cable;
import dev.backupdoctor.facts.DeviceInfo;
import dev.backupdoctor.facts.IosVersion;
import dev.backupdoctor.facts.ModelFamily;
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
    private static final List<String> OPEN_MANAGE_STORAGE = List.of(
            "Open Settings.",
            "Tap your name at the top of the page.",
            "Tap iCloud, then Manage Storage (on some versions: Manage Account Storage).");
    private static final List<String> SIGN_OUT_AND_BACK_IN = List.of(
            "Open Settings.",
            "Tap your name at the top of the page.",
            "Scroll down and tap Sign Out.",
            "If asked, enter your Apple ID password and tap Turn Off to switch off Find My iPhone.",
            "Tap Sign Out, and Sign Out again to confirm.",
            "Tap Sign in to your iPhone and enter your Apple ID and password.",
            "If a verification code appears on another of your Apple devices, enter it, then your iPhone's passcode.",
            "Leave the iPhone locked, plugged in and on Wi-Fi, for example overnight, so the backup can run.");
    private static final String SIGN_OUT_CAUTION =
            "Have your Apple ID password at hand before you sign out: you need it to sign back in.";
    private static final IosVersion IOS_15 = IosVersion.parse("15");

    private CatalogActions() {
    }

    private static Action action(String rule, Kind kind, String id, Integer step, String title,
            List<String> instructions, String reason, String caution) {
        return new Action(id, kind, step, title, instructions, reason, caution, null, rule, List.of());
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

    static Action connectToWifi(boolean wifiOff) {
        return action("Wi-Fi is off or not connected", Kind.FIX, "CONNECT_TO_WIFI", 2, "Connect to Wi-Fi", JOIN_WIFI,
                wifiOff ? "Wi-Fi is switched off; iCloud backups only run over Wi-Fi."
                        : "The iPhone isn't connected to a Wi-Fi network; iCloud backups only run over Wi-Fi.",
                null);
    }

    static Action checkWifi() {
        return action("Wi-Fi connection unknown", Kind.CHECK, "CONNECT_TO_WIFI", 2, "Make sure the iPhone is on Wi-Fi",
                JOIN_WIFI,
                "It isn't known whether the iPhone is connected to Wi-Fi; iCloud backups only run over Wi-Fi.", null);
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

    static Action connectToPower() {
        return action("Not plugged in", Kind.FIX, "CONNECT_TO_POWER", 3, "Connect to power", PLUG_IN,
                "The iPhone isn't plugged in; an iCloud backup only starts while it is charging.", null);
    }

    static Action checkPower() {
        return action("Power connection unknown", Kind.CHECK, "CONNECT_TO_POWER", 3, "Make sure the iPhone is charging",
                PLUG_IN, "It isn't known whether the iPhone is plugged in; an iCloud backup only starts while it is charging.",
                null);
    }

    static Action tryAnotherCable(Cable cable) {
        List<String> instructions = new ArrayList<>(4);
        if (cable == Cable.THIRD_PARTY) {
            instructions.add("Unplug the third-party cable.");
            instructions.add("Plug in the Apple cable and power adapter that came with the iPhone.");
        } else {
            instructions.add("Unplug the cable and plug in a different one, preferably an Apple cable and power adapter.");
        }
        instructions.add("Try another wall outlet too.");
        instructions.add("Check that the battery icon at the top of the screen now shows the charging symbol.");
        return action("Plugged in but not charging", Kind.FIX, "TRY_ANOTHER_CABLE", 3, "Try another cable", instructions,
                cable == Cable.THIRD_PARTY
                        ? "The iPhone is plugged in but not charging, with a third-party cable; not every cable charges an iPhone properly."
                        : "The iPhone is plugged in but not charging, so the cable or adapter may be faulty.",
                null);
    }

    private static String storageFacts(StorageStatus storage) {
        return "iCloud has " + readable(storage.freeBytes()) + " free but the next backup needs "
                + readable(storage.nextBackupBytes());
    }

    static Action freeUpICloudStorage(StorageStatus storage) {
        List<String> instructions = new ArrayList<>(OPEN_MANAGE_STORAGE);
        long freed = 0;
        for (AppBackup backup : storage.appBackupsToSwitchOff()) {
            instructions.add("Tap " + backup.app()
                    + ", then Delete Data (or Delete Documents & Data, or Turn Off and Delete), and confirm; this frees "
                    + readable(backup.bytes()) + ".");
            freed += backup.bytes();
        }
        if (freed == 0) {
            instructions.add("Tap an app whose backed-up data you don't need, then Delete Data (or Delete Documents & Data, or Turn Off and Delete), and confirm.");
            instructions.add("Repeat until at least " + readable(storage.shortfallBytes()) + " is free.");
        }
        return action("iCloud is full and app backups can make room", Kind.FIX, "FREE_UP_ICLOUD_STORAGE", 4,
                "Free up iCloud storage", instructions,
                storageFacts(storage) + ", " + readable(storage.shortfallBytes()) + " short"
                        + (freed == 0 ? "; deleting app backups you don't need makes room."
                                      : "; deleting these app backups frees " + readable(freed) + "."),
                "Deleted app data is gone from iCloud for good. Don't delete the iPhone's own backup instead: the next backup would need the same space again.");
    }

    static Action upgradeICloudStorage(StorageStatus storage) {
        List<String> instructions = new ArrayList<>(OPEN_MANAGE_STORAGE);
        instructions.add("Tap Upgrade (or Change Storage Plan).");
        instructions.add("Choose a plan with at least " + readable(storage.shortfallBytes())
                + " more space and confirm the purchase.");
        return action("iCloud is full", Kind.FIX, "UPGRADE_ICLOUD_STORAGE", 4, "Upgrade your iCloud storage", instructions,
                storageFacts(storage) + "; a larger plan costs a few dollars a month and makes room for good.", null);
    }

    static Action checkICloudStorage() {
        List<String> instructions = new ArrayList<>(OPEN_MANAGE_STORAGE);
        instructions.add("Compare the free space with the size of the next backup (under Backups, tap this iPhone).");
        instructions.add("If it doesn't fit, delete app backups you don't need, or tap Upgrade for more space.");
        return action("iCloud storage unknown", Kind.CHECK, "FREE_UP_ICLOUD_STORAGE", 4,
                "Check that the backup fits in iCloud", instructions,
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

    static Action signInToICloud() {
        return action("Signed out of iCloud", Kind.FIX, "SIGN_IN_TO_ICLOUD", 6, "Sign in to iCloud",
                List.of("Open Settings.",
                        "Tap Sign in to your iPhone at the top of the page.",
                        "Enter your Apple ID and password.",
                        "If a verification code appears on another of your Apple devices, enter it, then your iPhone's passcode."),
                "The iPhone isn't signed in to iCloud, so there is no account to back up to.", null);
    }

    static Action signOutAndBackInFix() {
        return action("Apple ID needs verification", Kind.FIX, "SIGN_OUT_AND_BACK_IN", 6, "Sign out of iCloud and back in",
                SIGN_OUT_AND_BACK_IN,
                "iCloud is asking to verify the Apple ID; signing out and back in clears verification problems.",
                SIGN_OUT_CAUTION);
    }

    static Action signOutAndBackInTry() {
        return action("Sign out and back in", Kind.TRY, "SIGN_OUT_AND_BACK_IN", 6, "Sign out of iCloud and back in",
                SIGN_OUT_AND_BACK_IN,
                "Signing out of iCloud and back in often clears account problems that stop backups without showing a message.",
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
            instructions.add("On an iPhone X or later (Face ID): hold the Side button and either Volume button until the slide to power off slider appears.");
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

    static Action resetAllSettings(DeviceInfo device) {
        IosVersion ios = device.iosVersion();
        String resetMenu = ios == null ? "Transfer or Reset iPhone (on iOS 14 and earlier: Reset)"
                : ios.isOlderThan(IOS_15) ? "Reset" : "Transfer or Reset iPhone";
        return action("Reset all settings", Kind.TRY, "RESET_ALL_SETTINGS", 8, "Reset all settings",
                List.of("Write down your Wi-Fi passwords first: the reset forgets them.",
                        "Open Settings.",
                        "Tap General.",
                        "Scroll down and tap " + resetMenu + ".",
                        "Tap Reset, then Reset All Settings, and enter your passcode to confirm."),
                "If a restart didn't help, a setting may be interfering with the backup; resetting all settings clears it.",
                "This keeps your data, apps and photos, but erases preferences such as saved Wi-Fi passwords and all of the iPhone's settings.");
    }

    static Action updateIos(DeviceInfo device, boolean updateKnownAvailable) {
        return action("Update iOS", Kind.TRY, "UPDATE_IOS", 9, "Update iOS",
                List.of("Connect the iPhone to Wi-Fi and plug it into power: the update needs both.",
                        "Open Settings.",
                        "Tap General, then Software Update.",
                        "If an update is available, tap Download and Install (or Update Now).",
                        "Enter your passcode if asked."),
                updateKnownAvailable
                        ? "The iPhone runs iOS " + device.iosVersion() + " and iOS " + device.latestIosVersion()
                                + " is available; a software bug may be stopping the backup."
                        : "It isn't known whether a newer iOS is available; an update may fix a bug that stops backups.",
                null);
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
