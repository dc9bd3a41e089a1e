package dev.backupdoctor.cli.inventory;

import java.util.List;
import java.util.Map;

/**
 * Apple's model identifiers ("iPhone15,2"), as device management reports them, and the marketing
 * names ("iPhone 14 Pro") the rules know, spelled as on Apple's "Identify your iPhone model" page
 * (https://support.apple.com/en-us/108044).
 */
final class ModelIdentifiers {

    /** Identifiers of devices that are not iPhones: their records are skipped. */
    private static final List<String> NOT_IPHONE_PREFIXES = List.of("iPad", "AppleTV", "Watch", "Mac", "RealityDevice");

    private static final Map<String, String> IPHONES = Map.ofEntries(
            Map.entry("iPhone8,1", "iPhone 6s"),
            Map.entry("iPhone8,2", "iPhone 6s Plus"),
            Map.entry("iPhone8,4", "iPhone SE (1st generation)"),
            Map.entry("iPhone9,1", "iPhone 7"),
            Map.entry("iPhone9,3", "iPhone 7"),
            Map.entry("iPhone9,2", "iPhone 7 Plus"),
            Map.entry("iPhone9,4", "iPhone 7 Plus"),
            Map.entry("iPhone10,1", "iPhone 8"),
            Map.entry("iPhone10,4", "iPhone 8"),
            Map.entry("iPhone10,2", "iPhone 8 Plus"),
            Map.entry("iPhone10,5", "iPhone 8 Plus"),
            Map.entry("iPhone10,3", "iPhone X"),
            Map.entry("iPhone10,6", "iPhone X"),
            Map.entry("iPhone11,2", "iPhone XS"),
            Map.entry("iPhone11,4", "iPhone XS Max"),
            Map.entry("iPhone11,6", "iPhone XS Max"),
            Map.entry("iPhone11,8", "iPhone XR"),
            Map.entry("iPhone12,1", "iPhone 11"),
            Map.entry("iPhone12,3", "iPhone 11 Pro"),
            Map.entry("iPhone12,5", "iPhone 11 Pro Max"),
            Map.entry("iPhone12,8", "iPhone SE (2nd generation)"),
            Map.entry("iPhone13,1", "iPhone 12 mini"),
            Map.entry("iPhone13,2", "iPhone 12"),
            Map.entry("iPhone13,3", "iPhone 12 Pro"),
            Map.entry("iPhone13,4", "iPhone 12 Pro Max"),
            Map.entry("iPhone14,2", "iPhone 13 Pro"),
            Map.entry("iPhone14,3", "iPhone 13 Pro Max"),
            Map.entry("iPhone14,4", "iPhone 13 mini"),
            Map.entry("iPhone14,5", "iPhone 13"),
            Map.entry("iPhone14,6", "iPhone SE (3rd generation)"),
            Map.entry("iPhone14,7", "iPhone 14"),
            Map.entry("iPhone14,8", "iPhone 14 Plus"),
            Map.entry("iPhone15,2", "iPhone 14 Pro"),
            Map.entry("iPhone15,3", "iPhone 14 Pro Max"),
            Map.entry("iPhone15,4", "iPhone 15"),
            Map.entry("iPhone15,5", "iPhone 15 Plus"),
            Map.entry("iPhone16,1", "iPhone 15 Pro"),
            Map.entry("iPhone16,2", "iPhone 15 Pro Max"),
            Map.entry("iPhone17,1", "iPhone 16 Pro"),
            Map.entry("iPhone17,2", "iPhone 16 Pro Max"),
            Map.entry("iPhone17,3", "iPhone 16"),
            Map.entry("iPhone17,4", "iPhone 16 Plus"),
            Map.entry("iPhone17,5", "iPhone 16e"),
            Map.entry("iPhone18,1", "iPhone 17 Pro"),
            Map.entry("iPhone18,2", "iPhone 17 Pro Max"),
            Map.entry("iPhone18,3", "iPhone 17"),
            Map.entry("iPhone18,4", "iPhone Air"));

    private ModelIdentifiers() {
    }

    /** The marketing name, or {@code null} for an identifier the table lacks (a newer iPhone, say). */
    static String modelName(String identifier) {
        return IPHONES.get(identifier);
    }

    /** An iPad, Apple TV, Apple Watch, Mac or Vision Pro: device management reports them beside iPhones. */
    static boolean notAnIphone(String identifier) {
        return NOT_IPHONE_PREFIXES.stream().anyMatch(identifier::startsWith);
    }

    /** Every identifier the table knows, for the tests and the docs. */
    static Map<String, String> table() {
        return IPHONES;
    }
}
