package dev.backupdoctor.serve.http;

/** Text from a request as a message quotes it: cut short, as the snapshot reader cuts a value. */
final class Shown {

    private static final int MAX_CHARS = 60;

    private Shown() {
    }

    static String cut(String text) {
        return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS) + "...";
    }
}
