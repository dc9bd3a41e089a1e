package dev.backupdoctor.bench;

import static dev.backupdoctor.facts.Answer.NO;
import static dev.backupdoctor.facts.Answer.UNKNOWN;
import static dev.backupdoctor.facts.Answer.YES;

import dev.backupdoctor.facts.Action;
import dev.backupdoctor.facts.Answer;
import dev.backupdoctor.facts.DeviceBackup;
import dev.backupdoctor.facts.DeviceInfo;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.ICloudSettings;
import dev.backupdoctor.facts.PowerState;
import dev.backupdoctor.facts.Remedy;
import dev.backupdoctor.facts.ServiceState;
import dev.backupdoctor.facts.StorageStatus;
import dev.backupdoctor.facts.WifiStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in catalog ({@link MirroredCatalog}, the rules it copies) as plain if/else: the floor a
 * rule engine's cost is measured against. It emits actions straight in plan order (every FIX,
 * every CHECK, every TRY, each in catalog order), so it needs no sort; {@code MirrorsTest} proves
 * it plans exactly what the rules plan on those actions. Its actions' text comes from
 * {@link Remedy}, as the rules' does: only the deciding is its own.
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
            plan.add(by("iCloud Backup is restricted", Remedy.allowICloudBackup()));
        }
        if (icloud.backupEnabled() == NO) {
            plan.add(by("iCloud Backup is off", Remedy.turnOnICloudBackup()));
        }
        if (device.screenLocked() == NO) {
            plan.add(by("Screen is unlocked", Remedy.lockIphone()));
        }
        boolean noCellularBackup = icloud.backupOverCellular() != YES;
        boolean offWifi = (wifi.enabled() == NO || wifi.connected() == NO) && noCellularBackup;
        if (offWifi) {
            plan.add(by("Wi-Fi is off or not connected", Remedy.connectToWifi(wifi)));
        }
        if (wifi.connected() == YES && wifi.weakSignal() == YES) {
            plan.add(by("Wi-Fi signal is weak", Remedy.moveCloserToRouter(wifi.signalBars())));
        }
        if (wifi.connected() == YES && wifi.lowDataMode() == YES) {
            plan.add(by("Low Data Mode is on", Remedy.turnOffLowDataMode()));
        }
        if (offWifi && device.supports5G()
                && (device.iosVersion() == null || device.iosVersion().major() >= FIRST_IOS_WITH_CELLULAR_BACKUP)) {
            plan.add(by("Back up over cellular instead", Remedy.turnOnCellularBackup(device.model())));
        }
        if (wifi.filtered() == YES && !recent) {
            plan.add(by("A VPN or network filter is in the way", Remedy.pauseNetworkFilter()));
        }
        if (power.connected() == NO) {
            plan.add(by("Not plugged in", Remedy.connectToPower()));
        }
        if (power.connected() == YES && power.charging() == NO
                && (power.batteryPercent() == null || power.batteryPercent() < BATTERY_PERCENT_THAT_MAY_PAUSE_CHARGING)) {
            plan.add(by("Plugged in but not charging", Remedy.tryAnotherCable(power.cable(), power.batteryPercent())));
        }
        Answer tooFull = storage.tooFull();
        if (tooFull == YES) {
            List<DeviceBackup> oldBackups = storage.oldBackupsToDelete();
            if (!oldBackups.isEmpty()) {
                plan.add(by("Old device backups fill iCloud", Remedy.deleteOldDeviceBackups(storage)));
            }
            // NO also when nothing is left to cover once the old backups are gone.
            boolean freeUp = storage.appBackupsCoverTheRest() != NO;
            if (freeUp) {
                plan.add(by("iCloud is full and app backups can make room", Remedy.freeUpICloudStorage(storage)));
            }
            plan.add(by("iCloud is full", Remedy.upgradeICloudStorage(storage)));
        }
        boolean outage = service == ServiceState.OUTAGE;
        if (outage) {
            plan.add(by("Apple reports an outage", Remedy.waitForICloudService()));
        }
        boolean signedOut = icloud.signedIn() == NO;
        if (icloud.emailVerified() == NO && !signedOut) {
            plan.add(by("Apple Account email not verified", Remedy.verifyAccountEmail()));
        }
        if (icloud.twoFactor() == NO && !signedOut && !recent) {
            plan.add(by("Two-factor authentication is off", Remedy.turnOnTwoFactor()));
        }
        if (signedOut) {
            plan.add(by("Signed out of iCloud", Remedy.signInToICloud()));
        }
        if (icloud.verificationRequired() == YES && !signedOut) {
            plan.add(by("Apple Account needs verification", Remedy.signOutAndBackIn()));
        }
        if (device.sideloadedApps() == YES && !recent) {
            plan.add(by("Apps from outside the App Store", Remedy.findAppBreakingBackup()));
        }
        if (recent) {
            return plan;
        }

        if (icloud.backupEnabled() == UNKNOWN) {
            plan.add(by("iCloud Backup may be off", Remedy.turnOnICloudBackupCheck()));
        }
        if (wifi.connected() == UNKNOWN && wifi.enabled() != NO && noCellularBackup) {
            plan.add(by("Wi-Fi connection unknown", Remedy.connectToWifiCheck()));
        }
        if (power.connected() == UNKNOWN) {
            plan.add(by("Power connection unknown", Remedy.connectToPowerCheck()));
        }
        if (tooFull == UNKNOWN) {
            plan.add(by("iCloud storage unknown", Remedy.freeUpICloudStorageCheck()));
        }
        if (service == ServiceState.UNKNOWN) {
            plan.add(by("Apple's service status unknown", Remedy.checkSystemStatus()));
        }

        // During an outage nothing on the device helps; a computer backup is then the only remedy.
        boolean otherRemedy = false;
        if (!outage) {
            if (!tried.contains("BACK_UP_NOW")) {
                plan.add(by("Back up now", Remedy.backUpNow()));
                otherRemedy = true;
            }
            if (icloud.verificationRequired() != YES && !signedOut && !tried.contains("SIGN_OUT_AND_BACK_IN")) {
                plan.add(by("Sign out and back in", Remedy.signOutAndBackInTry()));
                otherRemedy = true;
            }
            if (!tried.contains("RESTART_IPHONE")) {
                plan.add(by("Restart the iPhone", Remedy.restartIphone(device.modelFamily(), device.model())));
                otherRemedy = true;
            }
            if (!tried.contains("RESET_ALL_SETTINGS")) {
                plan.add(by("Reset all settings", Remedy.resetAllSettings()));
                otherRemedy = true;
            }
            Answer updateAvailable = device.updateAvailable();
            if (updateAvailable != NO && !tried.contains("UPDATE_IOS")) {
                plan.add(by("Update iOS", Remedy.updateIos(device)));
                otherRemedy = true;
            }
            if (device.sideloadedApps() != YES && !tried.contains("FIND_APP_BREAKING_BACKUP")) {
                plan.add(by("Find the app that breaks the backup", Remedy.findAppBreakingBackupTry()));
                otherRemedy = true;
            }
        }
        if (!tried.contains("BACK_UP_WITH_COMPUTER")) {
            if (icloud.backupStale()) {
                plan.add(by("The last backup is stale", Remedy.backUpWithComputer(service, icloud.lastBackupDaysAgo())));
            } else if (!otherRemedy) {
                plan.add(by("Back up with a computer", Remedy.backUpWithComputer(service)));
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
