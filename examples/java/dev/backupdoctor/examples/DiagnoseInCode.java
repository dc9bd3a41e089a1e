package dev.backupdoctor.examples;

import dev.backupdoctor.BackupDoctor;
import dev.backupdoctor.Diagnosis;
import dev.backupdoctor.facts.Answer;
import dev.backupdoctor.facts.AppBackup;
import dev.backupdoctor.facts.DeviceInfo;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.ICloudSettings;
import dev.backupdoctor.facts.IosVersion;
import dev.backupdoctor.facts.StorageStatus;
import dev.backupdoctor.facts.WifiStatus;
import dev.backupdoctor.plan.Action;
import java.util.List;

/**
 * Embedding Backup Doctor: build a snapshot in code, diagnose it, print the plan. What the snapshot
 * leaves out is unknown, and the plan asks to check it.
 */
public final class DiagnoseInCode {

    public static void main(String[] args) {
        BackupDoctor doctor = BackupDoctor.create(); // compile once, share everywhere

        DeviceSnapshot snapshot = DeviceSnapshot.unknown()
                .with(new DeviceInfo("iPhone 8", IosVersion.parse("16.7.2"), IosVersion.parse("17.1.1"), Answer.YES))
                .with(new ICloudSettings(Answer.YES, Answer.YES, Answer.NO))
                .with(new WifiStatus(Answer.YES, Answer.YES, 1))
                .with(new StorageStatus(5_000_000_000L, 4_200_000_000L, 1_500_000_000L,
                        List.of(new AppBackup("WhatsApp", 900_000_000L), new AppBackup("Notes", 40_000_000L))))
                .withTried("RESTART_IPHONE");

        Diagnosis diagnosis = doctor.diagnose(snapshot);
        System.out.println(diagnosis.healthy() ? "Nothing is visibly wrong." : "Found something to fix or check.");
        int number = 1;
        for (Action action : diagnosis.actions()) {
            System.out.printf("%d. [%s] %s%n", number++, action.kind(), action.title());
            action.instructions().forEach(line -> System.out.println("     - " + line));
            System.out.println("     Why: " + action.reason() + " (rule \"" + action.rule() + "\")");
            if (action.caution() != null) {
                System.out.println("     Careful: " + action.caution());
            }
        }
    }
}
