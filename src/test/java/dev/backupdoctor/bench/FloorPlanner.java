package dev.backupdoctor.bench;

import static dev.backupdoctor.facts.Answer.NO;
import static dev.backupdoctor.facts.Answer.UNKNOWN;
import static dev.backupdoctor.facts.Answer.YES;

import dev.backupdoctor.Action;
import dev.backupdoctor.facts.Answer;
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

    public List<Action> diagnose(DeviceSnapshot snapshot) {
        DeviceInfo device = snapshot.device();
        ICloudSettings icloud = snapshot.icloud();
        WifiStatus wifi = snapshot.wifi();
        PowerState power = snapshot.power();
        StorageStatus storage = snapshot.storage();
        ServiceState service = snapshot.service().icloudBackup();
        List<String> tried = snapshot.tried();
        List<Action> plan = new ArrayList<>(12);

        if (icloud.backupEnabled() == NO) {
            plan.add(CatalogActions.turnOnICloudBackup());
        }
        if (device.screenLocked() == NO) {
            plan.add(CatalogActions.lockIphone());
        }
        if (wifi.enabled() == NO || wifi.connected() == NO) {
            plan.add(CatalogActions.connectToWifi(wifi.enabled() == NO));
        }
        if (wifi.connected() == YES && wifi.weakSignal() == YES) {
            plan.add(CatalogActions.moveCloserToRouter(wifi));
        }
        if (power.connected() == NO) {
            plan.add(CatalogActions.connectToPower());
        }
        if (power.connected() == YES && power.charging() == NO) {
            plan.add(CatalogActions.tryAnotherCable(power.cable()));
        }
        Answer tooFull = storage.tooFull();
        if (tooFull == YES) {
            if (storage.appBackupsCoverTheRest() != NO) {
                plan.add(CatalogActions.freeUpICloudStorage(storage));
            }
            plan.add(CatalogActions.upgradeICloudStorage(storage));
        }
        boolean outage = service == ServiceState.OUTAGE;
        if (outage) {
            plan.add(CatalogActions.waitForICloudService());
        }
        if (icloud.signedIn() == NO) {
            plan.add(CatalogActions.signInToICloud());
        }
        if (icloud.verificationRequired() == YES && icloud.signedIn() != NO) {
            plan.add(CatalogActions.signOutAndBackInFix());
        }

        if (icloud.backupEnabled() == UNKNOWN) {
            plan.add(CatalogActions.checkICloudBackup());
        }
        if (wifi.connected() == UNKNOWN && wifi.enabled() != NO) {
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
            if (icloud.verificationRequired() != YES && icloud.signedIn() != NO
                    && !tried.contains("SIGN_OUT_AND_BACK_IN")) {
                plan.add(CatalogActions.signOutAndBackInTry());
                otherRemedy = true;
            }
            if (!tried.contains("RESTART_IPHONE")) {
                plan.add(CatalogActions.restartIphone(device));
                otherRemedy = true;
            }
            if (!tried.contains("RESET_ALL_SETTINGS")) {
                plan.add(CatalogActions.resetAllSettings(device));
                otherRemedy = true;
            }
            Answer updateAvailable = device.updateAvailable();
            if (updateAvailable != NO && !tried.contains("UPDATE_IOS")) {
                plan.add(CatalogActions.updateIos(device, updateAvailable == YES));
                otherRemedy = true;
            }
        }
        if (!otherRemedy && !tried.contains("BACK_UP_WITH_COMPUTER")) {
            plan.add(CatalogActions.backUpWithComputer(service));
        }
        return plan;
    }
}
