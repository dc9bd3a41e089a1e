package dev.backupdoctor;

import static dev.backupdoctor.Snapshots.allFine;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backupdoctor.facts.Answer;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.facts.ServiceState;
import dev.backupdoctor.facts.WifiStatus;
import dev.backupdoctor.plan.Evidence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An action's {@code because} names the facts its rule matched on, and only those: what decided
 * that the rule fires, which is what a person checks when a step looks wrong.
 */
class BecauseTest {

    private static final String RULES = """
            package com.acme.because

            import dev.backupdoctor.facts.*
            import dev.backupdoctor.plan.*

            rule "One condition"
            when
                WifiStatus( connected == Answer.NO )
            then
                insert( Action.of( Kind.FIX, "ONE_CONDITION", 2 ).title( "t" ).instructions( "i" ).reason( "r" ).build() );
            end

            rule "A value bound for the wording"
            when
                WifiStatus( connected == Answer.YES, $bars : signalBars )
                $power : PowerState( $percent : batteryPercent )
            then
                insert( Action.of( Kind.FIX, "WORDING", 2 ).title( "t" ).instructions( "i" )
                    .reason( $bars + " bars at " + $percent + " %" ).build() );
            end

            rule "A value bound and compared in another pattern"
            when
                WifiStatus( connected == Answer.YES, $signalBars : signalBars )
                PowerState( batteryPercent > $signalBars )
            then
                insert( Action.of( Kind.FIX, "JOINED", 2 ).title( "t" ).instructions( "i" ).reason( "r" ).build() );
            end

            rule "Not tried yet"
            when
                not TriedAction( actionId == "NOT_TRIED" )
                ICloudSettings( signedIn == Answer.YES )
            then
                insert( Action.of( Kind.TRY, "NOT_TRIED", 7 ).title( "t" ).instructions( "i" ).reason( "r" ).build() );
            end

            rule "Guarded remedy"
            when
                ServiceStatus( icloudBackup != ServiceState.OUTAGE )
            then
                insert( Action.of( Kind.TRY, "GUARDED", 7 ).title( "t" ).instructions( "i" ).reason( "r" ).build() );
            end
            """;

    private static BackupDoctor doctor;

    @BeforeAll
    static void compile(@TempDir Path folder) {
        try {
            Files.writeString(folder.resolve("because.drl"), RULES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        doctor = BackupDoctor.builder().withoutBuiltInRules().addRules(folder).build();
    }

    private static List<Evidence> because(DeviceSnapshot snapshot, String actionId) {
        return doctor.diagnose(snapshot).action(actionId).orElseThrow().because();
    }

    @Test
    void oneConditionIsAllThereIs() {
        // Not the other fields of WifiStatus, nor any other fact of the snapshot.
        assertThat(because(allFine().with(new WifiStatus(Answer.YES, Answer.NO, 2)), "ONE_CONDITION"))
                .containsExactly(new Evidence("wifi.connected", Answer.NO));
    }

    @Test
    void aValueBoundOnlyForTheActionsWordingIsNotEvidence() {
        assertThat(because(allFine(), "WORDING")).containsExactly(new Evidence("wifi.connected", Answer.YES));
    }

    @Test
    void aValueBoundAndComparedInAnotherPatternIsEvidence() {
        assertThat(because(allFine(), "JOINED")).containsExactly(
                new Evidence("wifi.connected", Answer.YES), new Evidence("wifi.signalBars", 3),
                new Evidence("power.batteryPercent", 50));
    }

    @Test
    void aPatternUnderNotMatchedNoFactAndListsNone() {
        assertThat(because(allFine().withTried("SOMETHING_ELSE"), "NOT_TRIED"))
                .containsExactly(new Evidence("icloud.signedIn", Answer.YES));
    }

    /**
     * A guard is a condition the action depends on like any other: with Apple's service down the
     * remedy would not be offered, and a TRY step's guard is often its only evidence.
     */
    @Test
    void aGuardIsEvidence() {
        assertThat(because(allFine(), "GUARDED")).containsExactly(new Evidence("service.icloudBackup", ServiceState.AVAILABLE));
    }
}
