package dev.backupdoctor.examples;

import dev.backupdoctor.BackupDoctor;
import dev.backupdoctor.Consultation;
import dev.backupdoctor.facts.DeviceSnapshot;
import dev.backupdoctor.json.SnapshotReader;
import dev.backupdoctor.json.SnapshotWriter;
import dev.backupdoctor.plan.Action;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A support bot's side of a chat, driving a {@link Consultation} turn by turn: it sends what the
 * consultation says to ask or to show, and turns each reply into the next consultation. The
 * person's replies are scripted here; a real bot gets them from its chat, one message at a time,
 * and keeps the consultation (immutable) with the conversation in between.
 */
public final class ConsultInCode {

    /** What the person answers, by question, in turn (to anything else: "skip"). */
    private static final Map<String, Deque<String>> ANSWERS = Map.of(
            "service.icloudBackup", new ArrayDeque<>(List.of("green")),
            "wifi.connected", new ArrayDeque<>(List.of("I'm on the train", "no")));

    /** How the person answers "did that fix it?", in turn: "no 2" means the second way shown, which didn't help. */
    private static final Deque<String> OUTCOMES = new ArrayDeque<>(List.of("no 2", "yes"));

    public static void main(String[] args) {
        BackupDoctor doctor = BackupDoctor.create(); // compile once, share across conversations

        // What the help desk already knows about the iPhone, e.g. from device management.
        DeviceSnapshot known = new SnapshotReader().read("""
                {"device":  {"model": "iPhone 14", "iosVersion": "17.1.2", "latestIosVersion": "17.1.2",
                             "screenLocked": true, "sideloadedApps": false},
                 "icloud":  {"signedIn": true, "backupEnabled": true, "verificationRequired": false,
                             "emailVerified": true, "backupOverCellular": false, "twoFactor": true},
                 "restrictions": {"backupAllowed": true},
                 "wifi":    {"enabled": true, "lowDataMode": false, "filtered": false},
                 "power":   {"connected": true, "charging": true, "batteryPercent": 60},
                 "storage": {"totalBytes": 200000000000, "usedBytes": 70000000000, "nextBackupBytes": 3000000000,
                             "appBackups": [], "otherDeviceBackups": []}}
                """);

        Consultation consultation = doctor.consult(known);
        while (!(consultation.next() instanceof Consultation.End end)) {
            if (consultation.next() instanceof Consultation.Ask ask) {
                send(ask.question().text() + " (" + ask.question().hint() + ")");
                consultation = answer(consultation, ANSWERS.getOrDefault(ask.question().id(), new ArrayDeque<>(List.of("skip"))));
            } else if (consultation.next() instanceof Consultation.Show show) {
                send(describe(show.ways()) + " Did that fix the backup?");
                String[] outcome = receive(OUTCOMES.pop()).split(" ");
                Action taken = show.ways().get(outcome.length > 1 ? Integer.parseInt(outcome[1]) - 1 : 0);
                consultation = outcome[0].equals("yes") ? consultation.fixed(taken.id()) : consultation.notFixed(taken.id());
            }
        }
        // What was learned, as a snapshot a later conversation (or `consult FILE`) starts from.
        System.out.println("[stored for next time] " + new SnapshotWriter().toJson(consultation.snapshot())
                .replaceAll("\\s+", " ").strip());
        send(switch (end.why()) {
            case FIXED -> "Glad that worked: \"" + end.fixedBy().orElseThrow().title() + "\" fixed it.";
            case PLAN_DONE -> "That was everything I know to try: I'm handing you over to a colleague.";
            case STOPPED -> "Come back any time: I'll remember where we stopped.";
        });
    }

    /** The next of the person's replies that fits the question; an unclear one is asked again, with the hint. */
    private static Consultation answer(Consultation consultation, Deque<String> replies) {
        while (true) {
            String reply = receive(replies.pop());
            if (reply.equals("skip")) {
                return consultation.skip();
            }
            try {
                return consultation.answer(reply);
            } catch (IllegalArgumentException unclear) {
                send("Sorry, " + unclear.getMessage() + ".");
            }
        }
    }

    /** One action, or a choice of ways ("either ... or ..."), as one chat message. */
    private static String describe(List<Action> ways) {
        List<String> parts = new ArrayList<>();
        for (Action way : ways) {
            parts.add(way.title() + " (" + String.join(" ", way.instructions()) + ")");
        }
        return ways.size() == 1 ? parts.get(0) + "." : "Either " + String.join(", or ", parts) + ".";
    }

    private static void send(String message) {
        System.out.println("Bot:    " + message);
    }

    private static String receive(String message) {
        System.out.println("Person: " + message);
        return message;
    }
}
