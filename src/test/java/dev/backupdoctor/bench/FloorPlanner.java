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
import dev.backupdoctor.facts.ServiceState;
import dev.backupdoctor.facts.StorageStatus;
import dev.backupdoctor.facts.WifiStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in catalog as plain if/else: the floor a rule engine's cost is measured against. It
 * emits actions straight in plan order (every FIX, every CHECK, every TRY, each in catalog order),
 * so it needs no sort; {@code FloorEquivalenceTest} proves it plans exactly what the rules plan.
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

        if (snapshot.restrictions().backupAllowed() == NO) {
            plan.add(CatalogActions.allowICloudBackup());
        }
        if (icloud.backupEnabled() == NO) {
            plan.add(CatalogActions.turnOnICloudBackup());
        }
        if (device.screenLocked() == NO) {
            plan.add(CatalogActions.lockIphone());
        }
        boolean noCellularBackup = icloud.backupOverCellular() != YES;
        boolean offWifi = (wifi.enabled() == NO || wifi.connected() == NO) && noCellularBackup;
        if (offWifi) {
            plan.add(CatalogActions.connectToWifi(wifi.enabled() == NO));
        }
        if (wifi.connected() == YES && wifi.weakSignal() == YES) {
            plan.add(CatalogActions.moveCloserToRouter(wifi));
        }
        if (wifi.connected() == YES && wifi.lowDataMode() == YES) {
            plan.add(CatalogActions.turnOffLowDataMode());
        }
        if (offWifi && device.supports5G()
                && (device.iosVersion() == null || device.iosVersion().major() >= FIRST_IOS_WITH_CELLULAR_BACKUP)) {
            plan.add(CatalogActions.turnOnCellularBackup(device));
        }
        if (wifi.filtered() == YES) {
            plan.add(CatalogActions.pauseNetworkFilter());
        }
        if (power.connected() == NO) {
            plan.add(CatalogActions.connectToPower());
        }
        if (power.connected() == YES && power.charging() == NO
                && (power.batteryPercent() == null || power.batteryPercent() < BATTERY_PERCENT_THAT_MAY_PAUSE_CHARGING)) {
            plan.add(CatalogActions.tryAnotherCable(power));
        }
        Answer tooFull = storage.tooFull();
        if (tooFull == YES) {
            List<DeviceBackup> oldBackups = storage.oldBackupsToDelete();
            if (!oldBackups.isEmpty()) {
                plan.add(CatalogActions.deleteOldDeviceBackups(storage, oldBackups));
            }
            // NO also when nothing is left to cover once the old backups are gone.
            boolean freeUp = storage.appBackupsCoverTheRest() != NO;
            if (freeUp) {
                plan.add(CatalogActions.freeUpICloudStorage(storage));
            }
            plan.add(CatalogActions.upgradeICloudStorage(storage,
                    !oldBackups.isEmpty() ? "DELETE_OLD_DEVICE_BACKUPS" : freeUp ? "FREE_UP_ICLOUD_STORAGE" : null));
        }
        boolean outage = service == ServiceState.OUTAGE;
        if (outage) {
            plan.add(CatalogActions.waitForICloudService());
        }
        boolean signedOut = icloud.signedIn() == NO;
        if (icloud.emailVerified() == NO && !signedOut) {
            plan.add(CatalogActions.verifyAccountEmail());
        }
        if (icloud.twoFactor() == NO && !signedOut) {
            plan.add(CatalogActions.turnOnTwoFactor());
        }
        if (signedOut) {
            plan.add(CatalogActions.signInToICloud());
        }
        if (icloud.verificationRequired() == YES && !signedOut) {
            plan.add(CatalogActions.signOutAndBackInFix());
        }
        if (device.sideloadedApps() == YES) {
            plan.add(CatalogActions.findAppBreakingBackupFix());
        }

        if (icloud.backupEnabled() == UNKNOWN) {
            plan.add(CatalogActions.checkICloudBackup());
        }
        if (wifi.connected() == UNKNOWN && wifi.enabled() != NO && noCellularBackup) {
            plan.add(CatalogActions.checkWifi());
        }
        if (power.connected() == UNKNOWN) {
            plan.add(CatalogActions.checkPower());
        }
        if (tooFull == UNKNOWN) {
            plan.add(CatalogActions.checkICloudStorage());
        }
        if (service == ServiceState.UNKNOWN) {
            plan.add(CatalogActions.checkSystemStatus());
        }

        // During an outage nothing on the device helps; a computer backup is then the only remedy.
        boolean otherRemedy = false;
        if (!outage) {
            if (!tried.contains("BACK_UP_NOW")) {
                plan.add(CatalogActions.backUpNow());
                otherRemedy = true;
            }
            if (icloud.verificationRequired() != YES && !signedOut && !tried.contains("SIGN_OUT_AND_BACK_IN")) {
                plan.add(CatalogActions.signOutAndBackInTry());
                otherRemedy = true;
            }
            if (!tried.contains("RESTART_IPHONE")) {
                plan.add(CatalogActions.restartIphone(device));
                otherRemedy = true;
            }
            if (!tried.contains("RESET_ALL_SETTINGS")) {
                plan.add(CatalogActions.resetAllSettings());
                otherRemedy = true;
            }
            Answer updateAvailable = device.updateAvailable();
            if (updateAvailable != NO && !tried.contains("UPDATE_IOS")) {
                plan.add(CatalogActions.updateIos(device, updateAvailable));
                otherRemedy = true;
            }
            if (device.sideloadedApps() != YES && !tried.contains("FIND_APP_BREAKING_BACKUP")) {
                plan.add(CatalogActions.findAppBreakingBackupTry());
                otherRemedy = true;
            }
        }
        if (!otherRemedy && !tried.contains("BACK_UP_WITH_COMPUTER")) {
            plan.add(CatalogActions.backUpWithComputer(service));
        }
        return plan;
    }
}
