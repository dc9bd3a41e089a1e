package dev.backupdoctor.cli.inventory;

import com.dd.plist.BinaryPropertyListParser;
import com.dd.plist.NSDate;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.NSObject;
import com.dd.plist.NSString;
import com.dd.plist.XMLPropertyListParser;
import dev.backupdoctor.cli.common.Printable;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * One response to Apple's MDM {@code DeviceInformation} query, a property list (XML or binary), as
 * a snapshot. The keys are those of Apple's device-management schema
 * (https://github.com/apple/device-management, {@code mdm/commands/information.device.yaml}); MDM
 * knows nothing of Wi-Fi, power, the lock screen or iCloud storage, so those stay unknown.
 */
final class MdmResponse {

    /** A DeviceInformation response is a few kilobytes; a file this large is not one. */
    static final int MAX_BYTES = 1 << 20;

    /** How Apple's XML property lists write a date, always in UTC. */
    private static final DateTimeFormatter APPLE_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final byte[] BINARY_MAGIC = "bplist".getBytes(StandardCharsets.US_ASCII);

    private static final ErrorHandler THROW_ONLY = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXParseException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
            throw e;
        }
    };

    /**
     * dd-plist's own document builder (its secure settings, its DTD resolver), but one that reports a
     * malformed file only by throwing: the JDK's default prints "[Fatal Error]" to stderr. One per
     * thread, reused file after file: making one costs about a tenth of reading a response.
     */
    private static final ThreadLocal<DocumentBuilder> DOCUMENT_BUILDERS = ThreadLocal.withInitial(() -> {
        try {
            DocumentBuilder builder = XMLPropertyListParser.getDocBuilder();
            builder.setErrorHandler(THROW_ONLY);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser can't be set up as dd-plist needs", e);
        }
    });

    private MdmResponse() {
    }

    /** Parses and maps one file's bytes. */
    static InventoryRecord.Outcome map(byte[] bytes, InventorySettings settings) {
        NSObject root;
        try {
            root = parse(bytes);
        } catch (InventoryRecord.UnusableRecord e) {
            return new InventoryRecord.Unreadable(e.getMessage());
        } catch (Exception | StackOverflowError e) {
            // dd-plist reports a broken list in many exception types, none of them the caller's fault.
            return new InventoryRecord.Unreadable("not a property list (XML or binary): " + Printable.cut(reason(e), 120));
        }
        try {
            return map(root, settings);
        } catch (InventoryRecord.UnusableRecord e) {
            return new InventoryRecord.Unreadable(e.getMessage());
        }
    }

    private static NSObject parse(byte[] bytes) throws Exception {
        if (bytes.length >= BINARY_MAGIC.length
                && Arrays.equals(bytes, 0, BINARY_MAGIC.length, BINARY_MAGIC, 0, BINARY_MAGIC.length)) {
            BinaryPropertyListCheck.check(bytes);
            return BinaryPropertyListParser.parse(bytes);
        }
        if (!looksLikeXml(bytes)) {
            // dd-plist would also read the old ASCII format, which no MDM server sends, and almost any text is one.
            throw new IllegalArgumentException("neither starts with \"bplist\" nor is XML");
        }
        Document document = DOCUMENT_BUILDERS.get().parse(new ByteArrayInputStream(bytes));
        checkDates(document);
        return XMLPropertyListParser.parse(document);
    }

    /**
     * Every date as Apple writes it, {@code 2026-11-20T08:15:00Z}: dd-plist's own parse is lenient, and
     * turns month 13 into next year.
     */
    private static void checkDates(Document document) {
        NodeList dates = document.getElementsByTagName("date");
        for (int i = 0; i < dates.getLength(); i++) {
            Node date = dates.item(i);
            String text = date.getTextContent();
            try {
                APPLE_DATE.parse(text);
            } catch (DateTimeParseException notADate) {
                throw new InventoryRecord.UnusableRecord(keyOf(date) + " must be a date such as 2026-11-20T08:15:00Z, was \""
                        + Printable.cut(text) + "\"");
            }
        }
    }

    /** The key of the dictionary entry whose value is the element, as messages name it. */
    private static String keyOf(Node value) {
        Node before = value.getPreviousSibling();
        while (before != null && before.getNodeType() != Node.ELEMENT_NODE) {
            before = before.getPreviousSibling();
        }
        return before != null && before.getNodeName().equals("key") ? Printable.cut(before.getTextContent()) : "a value";
    }

    /** XML starts with '<', after a byte-order mark and white space. */
    private static boolean looksLikeXml(byte[] bytes) {
        int i = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) {
            i++;
        }
        return i < bytes.length && bytes[i] == '<';
    }

    private static String reason(Throwable e) {
        if (e instanceof StackOverflowError) {
            return "nested too deeply";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.strip();
    }

    private static InventoryRecord.Outcome map(NSObject root, InventorySettings settings) {
        if (!(root instanceof NSDictionary response)) {
            throw new InventoryRecord.UnusableRecord("not a DeviceInformation response: the property list is " + typeOf(root) + ", not a dictionary");
        }
        NSObject status = response.get("Status");
        if (!(status instanceof NSString statusText) || !statusText.getContent().equals("Acknowledged")) {
            throw new InventoryRecord.UnusableRecord("not an acknowledged DeviceInformation response: Status is "
                    + (status == null ? "missing" : describe(status)));
        }
        if (!(response.get("QueryResponses") instanceof NSDictionary answers)) {
            throw new InventoryRecord.UnusableRecord("not a DeviceInformation response: QueryResponses is "
                    + (response.get("QueryResponses") == null ? "missing" : typeOf(response.get("QueryResponses")) + ", not a dictionary"));
        }
        String productName = string(answers, "ProductName", "QueryResponses.");
        if (productName != null && ModelIdentifiers.notAnIphone(productName)) {
            return new InventoryRecord.Skipped(productName);
        }
        String id = KnownDevice.firstNonEmpty(string(answers, "SerialNumber", "QueryResponses."),
                string(answers, "UDID", "QueryResponses."), string(response, "UDID", ""));
        return new KnownDevice(id, productName == null ? null : ModelIdentifiers.modelName(productName),
                string(answers, "OSVersion", "QueryResponses."), bool(answers, "IsCloudBackupEnabled"),
                lastBackup(answers), settings.asOf(), batteryPercent(answers))
                .device(settings.latestIos(), "QueryResponses.SerialNumber or UDID");
    }

    private static Instant lastBackup(NSDictionary answers) {
        NSObject value = answers.get("LastCloudBackupDate");
        if (value == null) {
            return null;
        }
        if (!(value instanceof NSDate date)) {
            throw new InventoryRecord.UnusableRecord("QueryResponses.LastCloudBackupDate must be a date, was " + describe(value));
        }
        return date.getDate().toInstant();
    }

    /** {@code BatteryLevel} is 0.0–1.0, or −1 when the device could not tell. */
    private static Integer batteryPercent(NSDictionary answers) {
        NSObject value = answers.get("BatteryLevel");
        if (value == null) {
            return null;
        }
        if (!(value instanceof NSNumber number) || number.isBoolean() || Double.isNaN(number.doubleValue())) {
            throw new InventoryRecord.UnusableRecord("QueryResponses.BatteryLevel must be a number from 0.0 to 1.0, was " + describe(value));
        }
        double level = number.doubleValue();
        if (level < 0) {
            return null;
        }
        if (level > 1.0) {
            throw new InventoryRecord.UnusableRecord("QueryResponses.BatteryLevel must be at most 1.0, was " + number.stringValue());
        }
        return (int) Math.round(level * 100);
    }

    private static Boolean bool(NSDictionary answers, String key) {
        NSObject value = answers.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof NSNumber number) || !number.isBoolean()) {
            throw new InventoryRecord.UnusableRecord("QueryResponses." + key + " must be true or false, was " + describe(value));
        }
        return number.boolValue();
    }

    private static String string(NSDictionary dictionary, String key, String path) {
        NSObject value = dictionary.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof NSString text)) {
            throw new InventoryRecord.UnusableRecord(path + key + " must be a string, was " + describe(value));
        }
        return text.getContent();
    }

    private static String describe(NSObject value) {
        if (value instanceof NSString text) {
            // A damaged file's text may hold a line break: a message stays one line.
            return "\"" + Printable.of(Printable.cut(text.getContent())) + "\"";
        }
        if (value instanceof NSNumber number) {
            return number.isBoolean() ? String.valueOf(number.boolValue()) : number.stringValue();
        }
        return typeOf(value);
    }

    private static String typeOf(NSObject value) {
        return switch (value.getClass().getSimpleName()) {
            case "NSDictionary" -> "a dictionary";
            case "NSArray", "NSSet" -> "an array";
            case "NSData" -> "data";
            case "NSDate" -> "a date";
            case "NSString" -> "a string";
            case "NSNumber" -> "a number";
            default -> "a " + value.getClass().getSimpleName();
        };
    }

}
