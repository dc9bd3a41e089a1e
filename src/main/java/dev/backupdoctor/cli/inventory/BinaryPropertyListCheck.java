package dev.backupdoctor.cli.inventory;

import dev.backupdoctor.cli.common.Printable;
import java.nio.charset.StandardCharsets;

/**
 * What a binary property list claims, checked against its size before dd-plist reads it: dd-plist
 * makes room for as many entries as an array's header claims before it looks whether the file holds
 * them, so 130 bytes claiming 2^31−1 entries cost gigabytes. Checked here, every object of the
 * offset table fits between its start and the offset table (an entry takes an object reference, a
 * byte of data a byte, a UTF-16 character two), so that what dd-plist then makes is bounded by the
 * file's size; and every date is a number of seconds, not NaN or infinite, which dd-plist would
 * turn into 2001-01-01 or a date out of range.
 *
 * <p>The layout is that of Apple's {@code CFBinaryPList.c}: "bplist00", the objects, the offset
 * table, and a 32-byte trailer giving the sizes of an offset and of an object reference, the number
 * of objects, the top object and where the offset table starts.
 */
final class BinaryPropertyListCheck {

    private static final int HEADER_BYTES = 8;
    private static final int TRAILER_BYTES = 32;
    private static final int DATE_MARKER = 0x33;

    private final byte[] bytes;
    private final int offsetSize;
    private final int referenceSize;
    private final long objects;
    /** Where the offset table starts, and so where the objects end. */
    private final long table;

    private BinaryPropertyListCheck(byte[] bytes) {
        this.bytes = bytes;
        if (bytes.length < HEADER_BYTES + TRAILER_BYTES) {
            throw invalid(bytes.length + " bytes, too short for its header and trailer");
        }
        int trailer = bytes.length - TRAILER_BYTES;
        offsetSize = bytes[trailer + 6] & 0xFF;
        referenceSize = bytes[trailer + 7] & 0xFF;
        if (offsetSize < 1 || offsetSize > 8 || referenceSize < 1 || referenceSize > 8) {
            throw invalid("its trailer gives offsets of " + offsetSize + " bytes and object references of " + referenceSize
                    + " bytes; both must be 1 to 8");
        }
        objects = unsigned(trailer + 8, 8);
        long top = unsigned(trailer + 16, 8);
        table = unsigned(trailer + 24, 8);
        if (table < HEADER_BYTES || table > trailer) {
            throw invalid("its offset table starts at byte " + Long.toUnsignedString(table) + ", outside its " + bytes.length
                    + " bytes");
        }
        if (objects == 0 || Long.compareUnsigned(objects, (trailer - table) / offsetSize) > 0) {
            throw invalid("it claims " + Long.toUnsignedString(objects) + " objects, but its offset table has room for "
                    + (trailer - table) / offsetSize);
        }
        if (Long.compareUnsigned(top, objects) >= 0) {
            throw invalid("its top object, " + Long.toUnsignedString(top) + ", is not one of its " + objects + " objects");
        }
    }

    /**
     * @throws InventoryRecord.UnusableRecord when the file claims more than it holds, or holds a date that is no moment
     */
    static void check(byte[] bytes) {
        BinaryPropertyListCheck list = new BinaryPropertyListCheck(bytes);
        long badDate = -1;
        for (long object = 0; object < list.objects; object++) {
            int offset = list.offsetOf(object);
            list.checkFits(offset);
            if (badDate < 0 && list.isDateOfNoMoment(offset)) {
                badDate = object;
            }
        }
        if (badDate >= 0) {
            throw new InventoryRecord.UnusableRecord(list.keyOf(badDate) + " must be a date, was "
                    + list.seconds(list.offsetOf(badDate)) + " seconds after 2001-01-01");
        }
    }

    private int offsetOf(long object) {
        long offset = unsigned((int) (table + object * offsetSize), offsetSize);
        if (offset < HEADER_BYTES || offset >= table) {
            throw invalid("object " + object + " starts at byte " + Long.toUnsignedString(offset) + ", outside the objects"
                    + " (bytes " + HEADER_BYTES + " to " + (table - 1) + ")");
        }
        return (int) offset;
    }

    /** Checks that the object at {@code offset} fits before the offset table. */
    private void checkFits(int offset) {
        switch ((bytes[offset] & 0xFF) >>> 4) {
            case 0x4 -> fits(offset, "data", "bytes", 1);
            case 0x5 -> fits(offset, "an ASCII string", "characters", 1);
            case 0x6 -> fits(offset, "a UTF-16 string", "characters", 2);
            case 0x7 -> fits(offset, "a UTF-8 string", "characters", 1);
            case 0xA -> fits(offset, "an array", "entries", referenceSize);
            case 0xB, 0xC -> fits(offset, "a set", "entries", referenceSize);
            case 0xD -> fits(offset, "a dictionary", "entries", 2L * referenceSize);
            default -> {
                // Numbers, dates, booleans and UIDs have sizes of their own, which dd-plist checks before it copies them.
            }
        }
    }

    /** A date whose seconds are NaN or infinite. */
    private boolean isDateOfNoMoment(int offset) {
        return (bytes[offset] & 0xFF) == DATE_MARKER && offset + 9 <= table && !Double.isFinite(seconds(offset));
    }

    /** The entries (or bytes, or characters) the object claims, each {@code unitBytes} long, must fit before the offset table. */
    private void fits(int offset, String what, String units, long unitBytes) {
        long[] countAndHeader = countAndHeader(offset, what);
        long room = table - offset - countAndHeader[1];
        if (room < 0 || Long.compareUnsigned(countAndHeader[0], room / unitBytes) > 0) {
            throw invalid(what + " at byte " + offset + " claims " + Long.toUnsignedString(countAndHeader[0]) + " " + units
                    + ", more than a file of " + bytes.length + " bytes can hold");
        }
    }

    /** The count in the marker's low four bits, or 0xF and an integer object after it; and the bytes the two take. */
    private long[] countAndHeader(int offset, String what) {
        int count = bytes[offset] & 0x0F;
        if (count != 0x0F) {
            return new long[] {count, 1};
        }
        if (offset + 2 > table) {
            throw invalid(what + " at byte " + offset + " lacks its length");
        }
        int lengthMarker = bytes[offset + 1] & 0xFF;
        int lengthBytes = 1 << (lengthMarker & 0x0F);
        if (lengthMarker >>> 4 != 0x1 || lengthBytes > 8 || offset + 2 + lengthBytes > table) {
            throw invalid(what + " at byte " + offset + " gives its length in something other than an integer of 1 to 8 bytes");
        }
        return new long[] {unsigned(offset + 2, lengthBytes), 2 + lengthBytes};
    }

    /** The date's seconds since 2001-01-01, as stored. */
    private double seconds(int offset) {
        return Double.longBitsToDouble(unsigned(offset + 1, 8));
    }

    /** The key of the dictionary entry whose value is the object, as messages name it. */
    private String keyOf(long value) {
        for (long object = 0; object < objects; object++) {
            int offset = offsetOf(object);
            if ((bytes[offset] & 0xF0) != 0xD0) {
                continue;
            }
            long[] countAndHeader = countAndHeader(offset, "a dictionary");
            long keys = offset + countAndHeader[1];
            long values = keys + countAndHeader[0] * referenceSize;
            for (long entry = 0; entry < countAndHeader[0]; entry++) {
                if (unsigned((int) (values + entry * referenceSize), referenceSize) == value) {
                    return keyText(unsigned((int) (keys + entry * referenceSize), referenceSize));
                }
            }
        }
        return "a value";
    }

    private String keyText(long key) {
        if (Long.compareUnsigned(key, objects) >= 0) {
            return "a value";
        }
        int offset = offsetOf(key);
        if ((bytes[offset] & 0xF0) != 0x50) {
            return "a value";
        }
        long[] countAndHeader = countAndHeader(offset, "an ASCII string");
        int start = (int) (offset + countAndHeader[1]);
        return Printable.cut(new String(bytes, start, (int) countAndHeader[0], StandardCharsets.US_ASCII));
    }

    /** The big-endian unsigned integer of {@code length} bytes at {@code offset}; 8 bytes may give a negative long. */
    private long unsigned(int offset, int length) {
        long value = 0;
        for (int i = offset; i < offset + length; i++) {
            value = value << 8 | bytes[i] & 0xFF;
        }
        return value;
    }

    private static InventoryRecord.UnusableRecord invalid(String problem) {
        return new InventoryRecord.UnusableRecord("not a valid binary property list: " + problem);
    }
}
