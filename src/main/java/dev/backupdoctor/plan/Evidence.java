package dev.backupdoctor.plan;

/**
 * One fact a rule matched: a snapshot field or derived property, as {@code section.property}
 * (for example {@code wifi.signalBars}), and its value ({@code null} when unknown).
 */
public record Evidence(String field, Object value) {

    @Override
    public String toString() {
        return field + " = " + value;
    }
}
