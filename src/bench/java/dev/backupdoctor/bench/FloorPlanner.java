package dev.backupdoctor.bench;

import static dev.backupdoctor.catalog.Remedy.*;
import static dev.backupdoctor.facts.Answer.NO;
import static dev.backupdoctor.facts.Answer.UNKNOWN;
import static dev.backupdoctor.facts.Answer.YES;
import static dev.backupdoctor.plan.Kind.CHECK;
import static dev.backupdoctor.plan.Kind.FIX;
import static dev.backupdoctor.plan.Kind.TRY;

import dev.backupdoctor.facts.Answer;
import dev.backupdoctor.facts.DeviceBackup;
import dev.backupdoctor.facts.DeviceInfo;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.ICloudSettings;
import dev.backupdoctor.facts.PowerState;
import dev.backupdoctor.facts.ServiceState;
import dev.backupdoctor.facts.StorageStatus;
import dev.backupdoctor.facts.WifiStatus;
import dev.backupdoctor.plan.Action;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in catalog ({@link MirroredCatalog}, the rules it copies) as plain if/else: the floor a
 * rule engine's cost is measured against. It emits actions straight in plan order (every FIX,
 * every CHECK, every TRY, each in catalog order), so it needs no sort; {@code MirrorsTest} proves
 * it plans exactly what the rules plan on those actions. Its actions' text comes from the
 * catalog's message files, as the rules' does: only the deciding is its own.
 */
public final class FloorPlanner {

    private static final int FIRST_IOS_WITH_CELLULAR_BACKUP = 15;
    private static final int BATTERY_PERCENT_THAT_MAY_PAUSE_CHARGING = 75;

    public List<Action> diagnose(DeviceSnapshot snapshot) {
        DeviceInfo device = snapshot.device();
        ICloudSettings icloud = snapshot.icloud();
        WifiStatus wifi = snapshot.wifi();
        PowerState power = snapshot.power();
        StorageStatus storage = snapshot.storage();
        ServiceState service = snapshot.service().icloudBackup();
        List<String> tried = snapshot.tried();
        List<Action> plan = new ArrayList<>(16);
        // A recent backup shows iCloud Backup works: no CHECK, no TRY, and no FIX whose cause didn't stop it.
        boolean recent = icloud.backupRecent();

        if (snapshot.restrictions().backupAllowed() == NO) {
            plan.add(by("iCloud Backup is restricted", Worded.action(ALLOW_ICLOUD_BACKUP, FIX)));
        }
        if (icloud.backupEnabled() == NO) {
            plan.add(by("iCloud Backup is off", Worded.action(TURN_ON_ICLOUD_BACKUP, FIX)));
        }
        if (device.screenLocked() == NO) {
            plan.add(by("Screen is unlocked", Worded.action(LOCK_IPHONE, FIX)));
        }
        boolean noCellularBackup = icloud.backupOverCellular() != YES;
        boolean offWifi = (wifi.enabled() == NO || wifi.connected() == NO) && noCellularBackup;
        if (offWifi) {
            plan.add(by("Wi-Fi is off or not connected", Worded.action(CONNECT_TO_WIFI, FIX, "wifi", wifi)));
        }
        if (wifi.connected() == YES && wifi.weakSignal() == YES) {
            plan.add(by("Wi-Fi signal is weak", Worded.action(MOVE_CLOSER_TO_ROUTER, FIX, "signalBars", wifi.signalBars())));
        }
        if (wifi.connected() == YES && wifi.lowDataMode() == YES) {
            plan.add(by("Low Data Mode is on", Worded.action(TURN_OFF_LOW_DATA_MODE, FIX)));
        }
        if (offWifi && device.supports5G()
                && (device.iosVersion() == null || device.iosVersion().major() >= FIRST_IOS_WITH_CELLULAR_BACKUP)) {
            plan.add(by("Back up over cellular instead", Worded.action(TURN_ON_CELLULAR_BACKUP, FIX, "model", device.model())));
        }
        if (wifi.filtered() == YES && !recent) {
            plan.add(by("A VPN or network filter is in the way", Worded.action(PAUSE_NETWORK_FILTER, FIX)));
        }
        if (power.connected() == NO) {
            plan.add(by("Not plugged in", Worded.action(CONNECT_TO_POWER, FIX)));
        }
        if (power.connected() == YES && power.charging() == NO
                && (power.batteryPercent() == null || power.batteryPercent() < BATTERY_PERCENT_THAT_MAY_PAUSE_CHARGING)) {
            plan.add(by("Plugged in but not charging", Worded.action(TRY_ANOTHER_CABLE, FIX, "cable", power.cable(), "batteryPercent", power.batteryPercent())));
        }
        Answer tooFull = storage.tooFull();
        if (tooFull == YES) {
            List<DeviceBackup> oldBackups = storage.oldBackupsToDelete();
            if (!oldBackups.isEmpty()) {
                plan.add(by("Old device backups fill iCloud", Worded.action(DELETE_OLD_DEVICE_BACKUPS, FIX, "storage", storage)));
            }
            // NO also when nothing is left to cover once the old backups are gone.
            boolean freeUp = storage.appBackupsCoverTheRest() != NO;
            if (freeUp) {
                plan.add(by("iCloud is full and app backups can make room", Worded.action(FREE_UP_ICLOUD_STORAGE, FIX, "storage", storage)));
            }
            plan.add(by("iCloud is full", Worded.action(UPGRADE_ICLOUD_STORAGE, FIX, "storage", storage)
                    .alternativeTo(!oldBackups.isEmpty() ? "DELETE_OLD_DEVICE_BACKUPS" : freeUp ? "FREE_UP_ICLOUD_STORAGE" : null)));
        }
        boolean outage = service == ServiceState.OUTAGE;
        if (outage) {
            plan.add(by("Apple reports an outage", Worded.action(WAIT_FOR_ICLOUD_SERVICE, FIX)));
        }
        boolean signedOut = icloud.signedIn() == NO;
        if (icloud.emailVerified() == NO && !signedOut) {
            plan.add(by("Apple Account email not verified", Worded.action(VERIFY_ACCOUNT_EMAIL, FIX, "backupMessage", icloud.backupMessage())));
        }
        if (icloud.twoFactor() == NO && !signedOut && !recent) {
            plan.add(by("Two-factor authentication is off", Worded.action(TURN_ON_TWO_FACTOR, FIX)));
        }
        if (signedOut) {
            plan.add(by("Signed out of iCloud", Worded.action(SIGN_IN_TO_ICLOUD, FIX)));
        }
        if (icloud.verificationRequired() == YES && !signedOut) {
            plan.add(by("Apple Account needs verification", Worded.action(SIGN_OUT_AND_BACK_IN, FIX, "backupMessage", icloud.backupMessage())));
        }
        if (device.sideloadedApps() == YES && !recent) {
            plan.add(by("Apps from outside the App Store", Worded.action(FIND_APP_BREAKING_BACKUP, FIX)));
        }
        if (recent) {
            return plan;
        }

        if (icloud.backupEnabled() == UNKNOWN) {
            plan.add(by("iCloud Backup may be off", Worded.action(TURN_ON_ICLOUD_BACKUP, CHECK)));
        }
        if (wifi.connected() == UNKNOWN && wifi.enabled() != NO && noCellularBackup) {
            plan.add(by("Wi-Fi connection unknown", Worded.action(CONNECT_TO_WIFI, CHECK)));
        }
        if (power.connected() == UNKNOWN) {
            plan.add(by("Power connection unknown", Worded.action(CONNECT_TO_POWER, CHECK)));
        }
        if (tooFull == UNKNOWN) {
            plan.add(by("iCloud storage unknown", Worded.action(FREE_UP_ICLOUD_STORAGE, CHECK)));
        }
        if (service == ServiceState.UNKNOWN) {
            plan.add(by("Apple's service status unknown", Worded.action(CHECK_SYSTEM_STATUS, CHECK)));
        }

        // During an outage nothing on the device helps; a computer backup is then the only remedy.
        boolean otherRemedy = false;
        if (!outage) {
            if (!tried.contains("BACK_UP_NOW")) {
                plan.add(by("Back up now", Worded.action(BACK_UP_NOW, TRY)));
                otherRemedy = true;
            }
            if (icloud.verificationRequired() != YES && !signedOut && !tried.contains("SIGN_OUT_AND_BACK_IN")) {
                plan.add(by("Sign out and back in", Worded.action(SIGN_OUT_AND_BACK_IN, TRY)));
                otherRemedy = true;
            }
            if (!tried.contains("RESTART_IPHONE")) {
                plan.add(by("Restart the iPhone", Worded.action(RESTART_IPHONE, TRY, "modelFamily", device.modelFamily(), "model", device.model())));
                otherRemedy = true;
            }
            if (!tried.contains("RESET_ALL_SETTINGS")) {
                plan.add(by("Reset all settings", Worded.action(RESET_ALL_SETTINGS, TRY)));
                otherRemedy = true;
            }
            Answer updateAvailable = device.updateAvailable();
            if (updateAvailable != NO && !tried.contains("UPDATE_IOS")) {
                plan.add(by("Update iOS", Worded.action(UPDATE_IOS, TRY, "device", device)));
                otherRemedy = true;
            }
            if (device.sideloadedApps() != YES && !tried.contains("FIND_APP_BREAKING_BACKUP")) {
                plan.add(by("Find the app that breaks the backup", Worded.action(FIND_APP_BREAKING_BACKUP, TRY)));
                otherRemedy = true;
            }
        }
        if (!tried.contains("BACK_UP_WITH_COMPUTER")) {
            if (icloud.backupStale()) {
                plan.add(by("The last backup is stale", Worded.action(BACK_UP_WITH_COMPUTER, TRY, "icloud", icloud, "icloudBackup", service)));
            } else if (!otherRemedy) {
                plan.add(by("Back up with a computer", Worded.action(BACK_UP_WITH_COMPUTER, TRY, "icloud", icloud, "icloudBackup", service)));
            }
        }
        return plan;
    }

    /** The action as the rule of that name proposes it (the floor names no facts: no {@code because}). */
    static Action by(String rule, Action.Builder action) {
        Action built = action.build();
        return new Action(built.id(), built.kind(), built.step(), built.title(), built.instructions(), built.reason(),
                built.caution(), built.alternativeTo(), rule, List.of());
    }
}
