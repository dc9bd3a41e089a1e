package dev.backupdoctor.mcp;

/** A call the tool can't answer, for a reason the caller can fix: its message is the tool result's text. */
final class ToolFailure extends RuntimeException {

    ToolFailure(String message) {
        super(message, null, false, false);
    }
}
