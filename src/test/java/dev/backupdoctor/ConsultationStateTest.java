package dev.backupdoctor;

import static dev.backupdoctor.Snapshots.allFine;
import static dev.backupdoctor.Snapshots.doctor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backupdoctor.Consultation.Ask;
import dev.backupdoctor.Consultation.End;
import dev.backupdoctor.Consultation.Ending;
import dev.backupdoctor.Consultation.Show;
import dev.backupdoctor.Consultation.State;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.plan.Action;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A consultation carried outside the process by its state, as the servers' tokens carry it, goes on as it would have. */
class ConsultationStateTest {

    private static String step(Consultation consultation) {
        Consultation.Step next = consultation.next();
        if (next instanceof Ask ask) {
            return "ask " + ask.question().id();
        }
        if (next instanceof Show show) {
            return "show " + show.ways().stream().map(Action::id).collect(Collectors.joining(" or "));
        }
        End end = (End) next;
        return "end " + end.why() + end.fixedBy().map(action -> " " + action.id()).orElse("");
    }

    private static String anAnswer(Question question) {
        return switch (question.type()) {
            case YES_NO -> "no";
            case NUMBER -> "1";
            case SIZE -> "5 GB";
            case VERSION -> "17.1.2";
            case CHOICE -> question.choices().get(0);
            case TEXT -> "iPhone 15 Pro";
        };
    }

    @Test
    void everyTurnOfAWholeConsultationResumesToTheSameStep() {
        Consultation consultation = doctor().consult(DeviceSnapshot.unknown());
        int turns = 0;
        while (!(consultation.next() instanceof End)) {
            Consultation resumed = doctor().resume(consultation.state());
            assertThat(step(resumed)).isEqualTo(step(consultation));
            assertThat(resumed.state()).isEqualTo(consultation.state());
            assertThat(resumed.diagnosis()).isEqualTo(consultation.diagnosis());
            consultation = turns % 3 == 0 ? consultation.skip()
                    : consultation.next() instanceof Show show ? consultation.notFixed(show.ways().get(0).id())
                    : consultation.answer(anAnswer(((Ask) consultation.next()).question()));
            turns++;
        }
        assertThat(turns).isGreaterThan(5);
        assertThat(step(doctor().resume(consultation.state()))).isEqualTo("end PLAN_DONE");
    }

    @Test
    void aConsultationEndedByAFixResumesEndedWithThatAction() {
        Consultation fixed = doctor().consult(allFine()).skip().fixed("BACK_UP_NOW");

        State state = fixed.state();

        assertThat(state.ending()).isEqualTo(Ending.FIXED);
        assertThat(state.fixedBy()).isEqualTo("BACK_UP_NOW");
        assertThat(step(doctor().resume(state))).isEqualTo("end FIXED BACK_UP_NOW");
    }

    @Test
    void aStoppedConsultationResumesStopped() {
        Consultation stopped = doctor().consult(DeviceSnapshot.unknown()).stop();

        assertThat(step(doctor().resume(stopped.state()))).isEqualTo("end STOPPED");
        assertThat(doctor().resume(stopped.state()).stop().state()).isEqualTo(stopped.state());
    }

    @Test
    void aFixByAnActionOutsideThePlanIsRefused() {
        State state = new State(allFine(), Set.of(), Set.of(), true, Ending.FIXED, "CONNECT_TO_WIFI");

        assertThatThrownBy(() -> doctor().resume(state)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CONNECT_TO_WIFI is not in the plan, so it can't be what fixed the backup");
    }

    @Test
    void fixedByGoesWithAFixedEndingOnly() {
        String message = "fixedBy names the action that fixed the backup: given exactly when it ended FIXED";
        assertThatThrownBy(() -> new State(allFine(), Set.of(), Set.of(), true, Ending.STOPPED, "BACK_UP_NOW"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
        assertThatThrownBy(() -> new State(allFine(), Set.of(), Set.of(), true, Ending.FIXED, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
