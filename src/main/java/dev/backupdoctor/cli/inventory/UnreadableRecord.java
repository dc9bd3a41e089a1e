package dev.backupdoctor.cli.inventory;

/** A record known to be unreadable before it is mapped: a file that can't be opened, a Jamf file that breaks off. */
record UnreadableRecord(String where, String problem) implements InventoryRecord {

    @Override
    public Outcome map() {
        return new Unreadable(problem);
    }
}
