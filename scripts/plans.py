#!/usr/bin/env python3
"""Backup Doctor's plans without the rules engine: a plain, single-threaded Python 3 planner.

Usage:
    python3 scripts/plans.py [FILE|-]  > plans.jsonl

Reads JSON Lines device snapshots (the format docs/command-line.md describes; FILE or standard input)
and writes, for every non-blank input line, one plan line as `Main batch` writes it:
{"line": N, "id": ..., "healthy": ..., "actions": [...]} with each action's id, kind, step, title,
instructions, reason, caution, alternativeTo and rule (no "because": only the rules
engine knows which facts a rule matched), or {"line": N, "error": "PATH: problem"} for a line that
is not a valid snapshot. Exit status: 0, or 2 when any line was invalid.

The texts and the tailoring are a copy of the catalog in
src/main/java/dev/backupdoctor/facts/Remedy.java, the conditions a copy of rules/*.drl, and the
facts helpers of src/main/java/dev/backupdoctor/facts/ (Python can't call them: keep them in step).
No test runs this script; the drift check is scripts/compare-plans.py, after any change to Remedy,
the rules or this file:
    mvn -q package -DskipTests && mvn -q dependency:build-classpath -Dmdep.outputFile=cp.txt
    python3 scripts/generate-fleet.py 20000 7 > /tmp/g.jsonl
    java -cp target/classes:$(cat cp.txt) dev.backupdoctor.cli.Main batch /tmp/g.jsonl > /tmp/g.java
    python3 scripts/plans.py /tmp/g.jsonl > /tmp/g.py && python3 scripts/compare-plans.py /tmp/g.java /tmp/g.py
(examples/snapshots/fleet.jsonl in place of /tmp/g.jsonl is a quicker, smaller check). Standard library only.
"""

import json
import re
import sys
import unicodedata

# --------------------------------------------------------------------------------------------
# Limits (as dev.backupdoctor.json.SnapshotReader)

MAX_LINE_BYTES = 1 << 20
MAX_STRING_CHARS = 64 * 1024
MAX_BYTES = (1 << 53) - 1
MAX_BACKUPS = 1000
MAX_ID_CODE_POINTS = 200
MAX_DAYS = 36500


class Invalid(Exception):
    """An input line that is not a valid snapshot: `PATH: problem`."""


def _reject_constant(name):
    raise Invalid("$: malformed JSON: " + name + " is not a JSON value")


def _pairs(pairs):
    d = dict(pairs)
    if len(d) != len(pairs):
        seen = set()
        for k, _ in pairs:
            if k in seen:
                raise Invalid("$: duplicate field " + json.dumps(k, ensure_ascii=False))
            seen.add(k)
    return d


_decoder = json.JSONDecoder(object_pairs_hook=_pairs, parse_constant=_reject_constant)
_decode = _decoder.decode

# --------------------------------------------------------------------------------------------
# Output: compact JSON strings as Jackson writes them (only " \\ and control characters escaped,
# the latter with upper-case hex).

_encode_basestring = json.encoder.encode_basestring  # ensure_ascii=False flavour
_LOWER_HEX = re.compile(r'(?<!\\)((?:\\\\)*)\\u00([0-9a-f]{2})')


def _upper_hex(match):
    return match.group(1) + "\\u00" + match.group(2).upper()


def jstr(text):
    if text is None:
        return "null"
    out = _encode_basestring(text)
    if "\\u00" in out:
        out = _LOWER_HEX.sub(_upper_hex, out)
    return out


# --------------------------------------------------------------------------------------------
# Facts helpers (dev.backupdoctor.facts)

def readable(b):
    """Sizes.readable: decimal units, rounded half up."""
    if b >= 100_000_000:
        tenths = b // 100_000_000 + (1 if b % 100_000_000 >= 50_000_000 else 0)
        return "%d.%d GB" % (tenths // 10, tenths % 10)
    if b >= 1_000_000:
        return "%d MB" % ((b + 500_000) // 1_000_000)
    return "%d bytes" % b


_VERSION = re.compile(r"[0-9]{1,6}(?:\.[0-9]{1,6}){0,3}")


def parse_version(text):
    """IosVersion.parse: the parts as a tuple of ints, or None when not a version."""
    if _VERSION.fullmatch(text) is None:
        return None
    return tuple(int(p) for p in text.split("."))


def version_text(parts):
    return ".".join(str(p) for p in parts)


def older(a, b):
    n = max(len(a), len(b))
    return a + (0,) * (n - len(a)) < b + (0,) * (n - len(b))


# Character.isWhitespace: Zs except the no-break spaces, Zl, Zp, and nine ASCII controls.
_JAVA_NOT_WS = {"\u00a0", "\u2007", "\u202f", "\u0085"}


def _java_ws(c):
    if c <= "\u007f":
        return c in " \t\n\u000b\f\r\u001c\u001d\u001e\u001f"
    if c in _JAVA_NOT_WS:
        return False
    return unicodedata.category(c) in ("Zs", "Zl", "Zp")


def normalized(text):
    """DeviceInfo.normalized: lower case, no leading or trailing white space, single spaces."""
    if text.isascii():
        return " ".join(text.lower().split())
    out = []
    space = False
    for c in text:
        if _java_ws(c):
            space = len(out) > 0
        else:
            if space:
                out.append(" ")
                space = False
            out.append("i" if c == "\u0130" else c.lower())
    return "".join(out)


def supports_5g(model):
    """DeviceInfo.supports5G."""
    if model is None:
        return False
    name = normalized(model)
    if name == "iphone se (3rd generation)" or name == "iphone air" or name.startswith("iphone air "):
        return True
    if not name.startswith("iphone "):
        return False
    start = 7
    while start < len(name) - 1 and name[start] == "0":
        start += 1
    end = start
    while end < len(name) and "0" <= name[end] <= "9":
        end += 1
    digits = end - start
    return digits > 2 or (digits > 0 and int(name[start:end]) >= 12)


FACE_ID, HOME_BUTTON, UNKNOWN_FAMILY = "FACE_ID", "HOME_BUTTON", "UNKNOWN"
_JAVA_TRIM = "".join(chr(i) for i in range(0x21))
_REGEX_SPACE = " \t\n\u000b\f\r"
_LINE_TERMINATORS = ("\n", "\r", "\u0085", "\u2028", "\u2029")


def _java_word(c):
    """A word character for java.util.regex's \\b on Java 17 (letter or digit, '_', or a combining mark)."""
    if c == "_" or ("a" <= c <= "z") or ("0" <= c <= "9") or ("A" <= c <= "Z"):
        return True
    if c <= "\u007f":
        return False
    return unicodedata.category(c) in ("Lu", "Ll", "Lt", "Lm", "Lo", "Nd", "Mn")


def _bound_then_any(rest, j):
    """`\\b.*` matching rest[j:] to its end, after a word character."""
    if j < len(rest) and _java_word(rest[j]):
        return False
    tail = rest[j:]
    return not any(t in tail for t in _LINE_TERMINATORS)


def model_family(model):
    """ModelFamily.of, with its three regular expressions written out by hand."""
    if model is None:
        return UNKNOWN_FAMILY
    name = model.strip(_JAVA_TRIM).lower()
    if not name.startswith("iphone"):
        return UNKNOWN_FAMILY
    i = 6
    while i < len(name) and name[i] in _REGEX_SPACE:
        i += 1
    rest = name[i:]
    if rest.startswith("se") and _bound_then_any(rest, 2):
        return HOME_BUTTON
    if rest.startswith("x"):
        j = 1
        while j < len(rest) and "a" <= rest[j] <= "z":
            j += 1
        if _bound_then_any(rest, j):
            return FACE_ID
    elif rest.startswith("air") and _bound_then_any(rest, 3):
        return FACE_ID
    j = 0
    while j < len(rest) and "0" <= rest[j] <= "9":
        j += 1
    if j == 0:
        return UNKNOWN_FAMILY
    digits = rest[:j].lstrip("0") or "0"
    while j < len(rest) and "a" <= rest[j] <= "z":
        j += 1
    if not _bound_then_any(rest, j):
        return UNKNOWN_FAMILY
    # Java parses an int here and fails past 2^31 - 1; any such number is "later" than the iPhone X.
    generation = int(digits) if len(digits) <= 4 else 10_000
    return FACE_ID if generation >= 11 else HOME_BUTTON if generation <= 8 else UNKNOWN_FAMILY


_ACTION_ID = re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*")

# --------------------------------------------------------------------------------------------
# Reading a snapshot


def _shown(value):
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:60] + "..."


def _section(parent, name, value, known):
    if value is None:
        return None
    path = parent + "." + name
    if type(value) is not dict:
        raise Invalid(path + ": must be an object or null, was " + _shown(value))
    for key in value:
        if key not in known:
            raise Invalid(path + "." + key + ": unknown field (known fields: " + ", ".join(known) + ")")
    return value


def _answer(section, path, name):
    v = section.get(name)
    if v is None or v is True or v is False:
        return v
    raise Invalid(path + "." + name + ": must be true, false or null, was " + _shown(v))


def _string(section, path, name):
    v = section.get(name)
    if v is None:
        return None
    if type(v) is not str:
        raise Invalid(path + "." + name + ": must be a string or null, was " + _shown(v))
    if len(v) > MAX_STRING_CHARS // 2 and len(v.encode("utf-16-le", "surrogatepass")) > 2 * MAX_STRING_CHARS:
        raise Invalid(path + "." + name + ": too large: string longer than " + str(MAX_STRING_CHARS))
    return v


def _integer(section, path, name, lo, hi):
    v = section.get(name)
    if v is None:
        return None
    if type(v) is not int:
        raise Invalid(path + "." + name + ": must be a whole number between %d and %d, was %s" % (lo, hi, _shown(v)))
    if v < lo or v > hi:
        raise Invalid(path + "." + name + ": must be between %d and %d, was %d" % (lo, hi, v))
    return v


def _choice(section, path, name, choices):
    v = section.get(name)
    if v is None:
        return None
    if type(v) is not str or v not in choices:
        raise Invalid(path + "." + name + ": must be one of " + ", ".join(choices) + ", was " + _shown(v))
    return v


def _version(section, path, name):
    v = section.get(name)
    if v is None:
        return None
    parts = parse_version(v) if type(v) is str else None
    if parts is None:
        raise Invalid(path + "." + name + ": not a version like \"17.1.2\", was " + _shown(v))
    return parts


def _entries(storage, name, name_field):
    v = storage.get(name)
    if v is None:
        return None
    path = "$.storage." + name
    if type(v) is not list:
        raise Invalid(path + ": must be an array or null, was " + _shown(v))
    if len(v) > MAX_BACKUPS:
        raise Invalid(path + ": too many entries: %d, the limit is %d" % (len(v), MAX_BACKUPS))
    known = (name_field, "bytes")
    out = []
    for i, entry in enumerate(v):
        epath = "%s[%d]" % (path, i)
        if type(entry) is not dict:
            raise Invalid(epath + ": must be an object with " + name_field + " and bytes, was " + _shown(entry))
        for key in entry:
            if key not in known:
                raise Invalid(epath + "." + key + ": unknown field (known fields: " + ", ".join(known) + ")")
        label = _string(entry, epath, name_field)
        size = _integer(entry, epath, "bytes", 0, MAX_BYTES)
        if label is None:
            raise Invalid(epath + "." + name_field + ": required")
        if size is None:
            raise Invalid(epath + ".bytes: required")
        out.append((label, size))
    return out


_TOP = ("id", "device", "icloud", "restrictions", "wifi", "power", "storage", "service", "tried")
_DEVICE = ("model", "iosVersion", "latestIosVersion", "screenLocked", "sideloadedApps")
_ICLOUD = ("signedIn", "backupEnabled", "verificationRequired", "emailVerified", "backupOverCellular",
           "twoFactor", "lastBackupDaysAgo")
_RESTRICTIONS = ("backupAllowed",)
_WIFI = ("enabled", "connected", "signalBars", "lowDataMode", "filtered")
_POWER = ("connected", "charging", "cable", "batteryPercent")
_STORAGE = ("totalBytes", "usedBytes", "nextBackupBytes", "appBackups", "otherDeviceBackups")
_SERVICE = ("icloudBackup",)
_CABLES = ("APPLE", "THIRD_PARTY", "UNKNOWN")
_STATES = ("AVAILABLE", "OUTAGE", "UNKNOWN")
_EMPTY = {}


def read_snapshot(text):
    """The snapshot's facts as a tuple (see plan()); raises Invalid."""
    try:
        root = _decode(text)
    except Invalid:
        raise
    except ValueError as e:
        raise Invalid("$: malformed JSON: " + str(e).split("\n")[0])
    except RecursionError:
        raise Invalid("$: too large: nested too deeply")
    if type(root) is not dict:
        raise Invalid("$: the snapshot must be a JSON object, was " + _shown(root))
    for key in root:
        if key not in _TOP:
            raise Invalid("$." + key + ": unknown field (known fields: " + ", ".join(_TOP) + ")")

    sid = root.get("id")
    if sid is not None:
        if type(sid) is not str:
            raise Invalid("$.id: must be a string or null, was " + _shown(sid))
        if len(sid) > MAX_ID_CODE_POINTS:
            raise Invalid("$.id: must be at most %d Unicode code points long, was %d" % (MAX_ID_CODE_POINTS, len(sid)))

    d = _section("$", "device", root.get("device"), _DEVICE) or _EMPTY
    model = _string(d, "$.device", "model")
    ios = _version(d, "$.device", "iosVersion")
    latest = _version(d, "$.device", "latestIosVersion")
    locked = _answer(d, "$.device", "screenLocked")
    sideloaded = _answer(d, "$.device", "sideloadedApps")

    c = _section("$", "icloud", root.get("icloud"), _ICLOUD) or _EMPTY
    signed_in = _answer(c, "$.icloud", "signedIn")
    backup_enabled = _answer(c, "$.icloud", "backupEnabled")
    verification = _answer(c, "$.icloud", "verificationRequired")
    email_verified = _answer(c, "$.icloud", "emailVerified")
    cellular = _answer(c, "$.icloud", "backupOverCellular")
    two_factor = _answer(c, "$.icloud", "twoFactor")
    days = _integer(c, "$.icloud", "lastBackupDaysAgo", 0, MAX_DAYS)

    r = _section("$", "restrictions", root.get("restrictions"), _RESTRICTIONS) or _EMPTY
    allowed = _answer(r, "$.restrictions", "backupAllowed")

    w = _section("$", "wifi", root.get("wifi"), _WIFI) or _EMPTY
    wifi_on = _answer(w, "$.wifi", "enabled")
    wifi_connected = _answer(w, "$.wifi", "connected")
    bars = _integer(w, "$.wifi", "signalBars", 0, 3)
    low_data = _answer(w, "$.wifi", "lowDataMode")
    filtered = _answer(w, "$.wifi", "filtered")

    p = _section("$", "power", root.get("power"), _POWER) or _EMPTY
    plugged = _answer(p, "$.power", "connected")
    charging = _answer(p, "$.power", "charging")
    cable = _choice(p, "$.power", "cable", _CABLES)
    battery = _integer(p, "$.power", "batteryPercent", 0, 100)

    s = _section("$", "storage", root.get("storage"), _STORAGE) or _EMPTY
    total = _integer(s, "$.storage", "totalBytes", 0, MAX_BYTES)
    used = _integer(s, "$.storage", "usedBytes", 0, MAX_BYTES)
    if total is not None and used is not None and used > total:
        raise Invalid("$.storage.usedBytes: must not exceed totalBytes (%d), was %d" % (total, used))
    nxt = _integer(s, "$.storage", "nextBackupBytes", 0, MAX_BYTES)
    apps = _entries(s, "appBackups", "app") if s else None
    others = _entries(s, "otherDeviceBackups", "device") if s else None

    v = _section("$", "service", root.get("service"), _SERVICE) or _EMPTY
    service = _choice(v, "$.service", "icloudBackup", _STATES) or "UNKNOWN"

    tried_list = root.get("tried")
    tried = ()
    if tried_list is not None:
        if type(tried_list) is not list:
            raise Invalid("$.tried: must be an array or null, was " + _shown(tried_list))
        for i, t in enumerate(tried_list):
            if type(t) is not str or _ACTION_ID.fullmatch(t) is None:
                raise Invalid("$.tried[%d]: must be an action id in UPPER_SNAKE_CASE such as "
                              "\"RESTART_IPHONE\", was %s" % (i, _shown(t)))
        tried = frozenset(tried_list)

    return (sid, model, ios, latest, locked, sideloaded,
            signed_in, backup_enabled, verification, email_verified, cellular, two_factor, days,
            allowed, wifi_on, wifi_connected, bars, low_data, filtered,
            plugged, charging, cable, battery,
            total, used, nxt, apps, others, service, tried)


# --------------------------------------------------------------------------------------------
# Actions: the texts of rules/*.drl, word for word.

def action(id_, kind, step, title, instructions, reason, caution, rule, alternative=None):
    """One action as JSON, fields in PlanWriter's order (alternativeTo between caution and rule)."""
    return "".join((
        '{"id":"', id_, '","kind":"', kind, '","step":', "null" if step is None else str(step),
        ',"title":', jstr(title),
        ',"instructions":[', ",".join(jstr(i) for i in instructions), "]",
        ',"reason":', jstr(reason),
        ',"caution":', jstr(caution),
        ',"alternativeTo":', jstr(alternative),
        ',"rule":', jstr(rule), "}"))


TURN_ON_ICLOUD_BACKUP = (
    "Open Settings.",
    "Tap your name at the top of the page.",
    "Tap iCloud.",
    "Tap iCloud Backup.",
    "Turn on Back Up This iPhone (the switch turns green), and tap OK if asked.",
)

JOIN_WIFI = (
    "Open Settings.",
    "Tap Wi-Fi.",
    "Turn on Wi-Fi (the switch turns green).",
    "If the iPhone doesn't join a known network by itself, tap your network and enter its password.",
    "Check that the Wi-Fi symbol now shows at the top of the screen.",
)

PLUG_IN = (
    "Plug the iPhone into a wall outlet, or into a computer, with its charging cable.",
    "Check that the battery icon at the top of the screen shows the charging symbol.",
)

OPEN_BACKUPS = (
    "Open Settings.",
    "Tap your name at the top of the page.",
    "Tap iCloud, then Manage Account Storage (on older versions: Manage Storage).",
    "Tap Backups.",
)

SIGN_OUT_AND_BACK_IN = (
    "First, open Settings: if it shows a message about your Apple Account (such as a request for your password), tap it and sign in again with your current password, then tap Back Up Now under your name > iCloud > iCloud Backup. If the backup now works, stop here.",
    "Otherwise, tap your name at the top of Settings.",
    "Scroll down and tap Sign Out.",
    "If asked, enter your Apple Account password and tap Turn Off to switch off Find My.",
    "Tap Sign Out, and Sign Out again to confirm.",
    "Tap Sign in at the top of Settings and enter your Apple Account email or phone number and password.",
    "If a verification code appears on another of your Apple devices, enter it, then your iPhone's passcode.",
    "Leave the iPhone locked, plugged in and on Wi-Fi, for example overnight, so the backup can run.",
)
SIGN_OUT_CAUTION = "Have your Apple Account password at hand before you sign out: you need it to sign back in."

FIND_THE_APP = (
    "Open Settings, tap your name, then iCloud, then Manage Account Storage (on older versions: Manage Storage).",
    "Tap Backups, then this iPhone's name.",
    "Turn off the backup of one app and tap Turn Off & Delete: apps from outside the App Store first (TrollStore, AltStore, developer or enterprise builds), then the most recently installed.",
    "Go back to iCloud Backup and tap Back Up Now.",
    "If the backup now completes, that app was breaking it: update it or remove it, then turn its backup back on if you want.",
    "If it still fails, turn the app's backup back on, turn off the next one, and tap Back Up Now again.",
)
APP_BACKUP_CAUTION = "While an app's backup is off, its data is on the iPhone only: turn it back on once the app that breaks the backup is found."

# The actions whose text never changes, written once.

ALLOW_ICLOUD_BACKUP = action(
    "ALLOW_ICLOUD_BACKUP", "FIX", 1, "Allow iCloud Backup",
    ("If the iPhone belongs to a company or school, a device-management profile restricts it (it shows under Settings > General > VPN & Device Management), and only its administrator can lift the restriction: ask them to allow iCloud Backup. The next steps are for a Screen Time restriction.",
     "Open Settings and tap Screen Time.",
     "Tap Content & Privacy Restrictions, and enter the Screen Time passcode if asked.",
     "Under Allow Changes, tap Account Changes and choose Allow.",
     "Then turn on iCloud Backup: tap your name at the top of Settings, then iCloud, then iCloud Backup."),
    "iCloud Backup or account changes are restricted on this iPhone, by Screen Time or by a device-management profile, so it can't back up to iCloud.",
    "Don't remove a company or school profile yourself: the iPhone may lose its work email, Wi-Fi and apps. The Screen Time passcode is not the iPhone's passcode; if a parent or an employer set it, ask them.",
    "iCloud Backup is restricted")

TURN_ON_ICLOUD_BACKUP_FIX = action(
    "TURN_ON_ICLOUD_BACKUP", "FIX", 1, "Turn on iCloud Backup", TURN_ON_ICLOUD_BACKUP,
    "iCloud Backup is switched off, so automatic backups never start.", None, "iCloud Backup is off")

TURN_ON_ICLOUD_BACKUP_CHECK = action(
    "TURN_ON_ICLOUD_BACKUP", "CHECK", 1, "Make sure iCloud Backup is on", TURN_ON_ICLOUD_BACKUP,
    "It isn't known whether iCloud Backup is switched on; while it is off, automatic backups never start.",
    None, "iCloud Backup may be off")

LOCK_IPHONE = action(
    "LOCK_IPHONE", "FIX", 1, "Lock your iPhone",
    ("Press the Side (or Top) button once to lock the screen.",
     "Leave it locked, plugged in and on Wi-Fi, for example overnight, so the backup can start and finish."),
    "The screen is unlocked; automatic iCloud backups only start while the iPhone is locked.", None,
    "Screen is unlocked")

BACK_UP_NOW = action(
    "BACK_UP_NOW", "TRY", 1, "Tap Back Up Now and read what it says",
    ("Connect the iPhone to Wi-Fi (or turn on Back Up Over Cellular) and plug it into power.",
     "Open Settings, tap your name, then iCloud, then iCloud Backup.",
     "Tap Back Up Now and stay on that screen until the backup finishes: the time of the last successful backup then shows below the button.",
     "If a message shows below the button instead, it names the cause: \"Not enough iCloud storage\" means making room in iCloud (step 4); a message about Wi-Fi or the network, checking the connection, Low Data Mode and any VPN or filter (step 2); a request for your password, or to verify or sign in to your Apple Account, signing in again (step 6); \"The last backup could not be completed\", finding the app that breaks the backup."),
    "A backup started by hand shows at once whether iCloud Backup works, and when it doesn't, iOS says why.",
    None, "Back up now")

CONNECT_TO_WIFI_OFF = action(
    "CONNECT_TO_WIFI", "FIX", 2, "Connect to Wi-Fi", JOIN_WIFI,
    "Wi-Fi is switched off; iCloud backs up over Wi-Fi.", None, "Wi-Fi is off or not connected")

CONNECT_TO_WIFI_NOT_CONNECTED = action(
    "CONNECT_TO_WIFI", "FIX", 2, "Connect to Wi-Fi", JOIN_WIFI,
    "The iPhone isn't connected to a Wi-Fi network; iCloud backs up over Wi-Fi.", None,
    "Wi-Fi is off or not connected")

CONNECT_TO_WIFI_CHECK = action(
    "CONNECT_TO_WIFI", "CHECK", 2, "Make sure the iPhone is on Wi-Fi", JOIN_WIFI,
    "It isn't known whether the iPhone is connected to Wi-Fi; iCloud backs up over Wi-Fi.", None,
    "Wi-Fi connection unknown")

MOVE_CLOSER_INSTRUCTIONS = (
    "Take the iPhone to the room where the Wi-Fi router is, or closer to it.",
    "Check that the Wi-Fi symbol at the top of the screen shows all three arcs.",
    "Leave the iPhone there, plugged in and locked, until the backup finishes.",
)
MOVE_CLOSER_TO_ROUTER = {
    bars: action(
        "MOVE_CLOSER_TO_ROUTER", "FIX", 2, "Move closer to the Wi-Fi router", MOVE_CLOSER_INSTRUCTIONS,
        "The Wi-Fi signal shows %d of 3 bars; a signal that weak may drop before a backup can finish." % bars,
        None, "Wi-Fi signal is weak")
    for bars in (0, 1)
}

TURN_OFF_LOW_DATA_MODE = action(
    "TURN_OFF_LOW_DATA_MODE", "FIX", 2, "Turn off Low Data Mode",
    ("Open Settings.",
     "Tap Wi-Fi.",
     "Tap the info button (i) beside the network the iPhone is on.",
     "Turn off Low Data Mode.",
     "If the iPhone is on another device's Personal Hotspot, Low Data Mode is on there by default: turn it off the same way, or back up on a home or office Wi-Fi instead."),
    "Low Data Mode is on for the Wi-Fi network the iPhone is on, and iOS turns automatic iCloud backups off on such a network.",
    "Low Data Mode saves a limited data plan: on a hotspot or a metered network, a backup may use several gigabytes of it.",
    "Low Data Mode is on")

CELLULAR_INSTRUCTIONS = (
    "Open Settings.",
    "Tap your name at the top of the page.",
    "Tap iCloud, then iCloud Backup.",
    "Turn on Back Up Over Cellular (it needs iOS 15 or later).",
    "If the switch isn't there, your carrier doesn't offer backups over cellular: connect to Wi-Fi instead.",
)
CELLULAR_CAUTION = "A backup can take several gigabytes: without an unlimited data plan it may use up the month's data or cost extra."


def turn_on_cellular_backup(model):
    return action(
        "TURN_ON_CELLULAR_BACKUP", "FIX", 2, "Turn on Back Up Over Cellular", CELLULAR_INSTRUCTIONS,
        "The iPhone isn't on Wi-Fi, but an " + model + " has 5G and can back up over the cellular network instead.",
        CELLULAR_CAUTION, "Back up over cellular instead", "CONNECT_TO_WIFI")


PAUSE_NETWORK_FILTER = action(
    "PAUSE_NETWORK_FILTER", "FIX", 2, "Pause the VPN or network filter while backing up",
    ("If a VPN is on, disconnect it in its app or under Settings > VPN.",
     "If the network uses a filtering or ad-blocking DNS (Pi-hole, AdGuard Home, NextDNS), a firewall or a proxy, pause it, or allow Apple's iCloud servers through it.",
     "Or back up on another network without the filter.",
     "Open Settings, tap your name, then iCloud, then iCloud Backup, and tap Back Up Now; wait until it finishes.",
     "Turn the VPN or filter back on afterwards."),
    "A VPN or network filter stands between the iPhone and Apple's servers; when it blocks iCloud's servers, the backup fails.",
    "A company VPN may be required for work: ask your IT team before pausing it.",
    "A VPN or network filter is in the way")

CONNECT_TO_POWER_FIX = action(
    "CONNECT_TO_POWER", "FIX", 3, "Connect to power", PLUG_IN,
    "The iPhone isn't plugged in; an iCloud backup only starts while it is charging.", None, "Not plugged in")

CONNECT_TO_POWER_CHECK = action(
    "CONNECT_TO_POWER", "CHECK", 3, "Make sure the iPhone is charging", PLUG_IN,
    "It isn't known whether the iPhone is plugged in; an iCloud backup only starts while it is charging.", None,
    "Power connection unknown")


def try_another_cable(cable, battery):
    instructions = []
    if battery is None:
        instructions.append("Look at the battery level first: from 75 % up, an iPhone may pause charging when the battery is full, warm, or held at 80 % by Optimized Battery Charging or the 80 % Limit. That is normal, and the cable is fine.")
    if cable == "THIRD_PARTY":
        instructions.append("Unplug the third-party cable.")
        instructions.append("Plug in the Apple cable and power adapter that came with the iPhone.")
    else:
        instructions.append("Unplug the cable and plug in a different one, preferably an Apple cable and power adapter.")
    instructions.append("Try another wall outlet too.")
    instructions.append("Check that the battery icon at the top of the screen now shows the charging symbol.")
    not_charging = ("The iPhone is plugged in but not charging" if battery is None
                    else "The iPhone is plugged in but not charging, at %d %% battery" % battery)
    reason = (not_charging + ", with a third-party cable; not every cable charges an iPhone properly."
              if cable == "THIRD_PARTY" else not_charging + ", so the cable or adapter may be faulty.")
    return action("TRY_ANOTHER_CABLE", "FIX", 3, "Try another cable", instructions, reason, None,
                  "Plugged in but not charging")


_CABLE_ACTIONS = {}


def try_another_cable_cached(cable, battery):
    key = (cable == "THIRD_PARTY", battery)
    text = _CABLE_ACTIONS.get(key)
    if text is None:
        text = _CABLE_ACTIONS[key] = try_another_cable(cable, battery)
    return text


FREE_UP_ICLOUD_STORAGE_CHECK = action(
    "FREE_UP_ICLOUD_STORAGE", "CHECK", 4, "Check that the backup fits in iCloud",
    ("Open Settings.",
     "Tap your name at the top of the page.",
     "Tap iCloud, then Manage Account Storage (on older versions: Manage Storage).",
     "Compare the free space with the size of the next backup (tap Backups, then this iPhone).",
     "If it doesn't fit, delete the backups of devices you no longer use, turn off app backups you don't need, or tap Change Storage Plan for more space."),
    "It isn't known whether the next backup fits in the free iCloud space; a backup that doesn't fit fails.",
    None, "iCloud storage unknown")

WAIT_FOR_ICLOUD_SERVICE = action(
    "WAIT_FOR_ICLOUD_SERVICE", "FIX", 5, "Wait for Apple to fix iCloud Backup",
    ("Open Apple's System Status page (apple.com/support/systemstatus) in a browser.",
     "Wait until iCloud Backup shows a green light again.",
     "Then leave the iPhone locked, plugged in and on Wi-Fi so the backup can run."),
    "Apple's System Status page shows an outage of iCloud Backup; no backup can reach iCloud until it is over.",
    None, "Apple reports an outage")

CHECK_SYSTEM_STATUS = action(
    "CHECK_SYSTEM_STATUS", "CHECK", 5, "Check Apple's System Status page",
    ("Open Apple's System Status page (apple.com/support/systemstatus) in a browser.",
     "Find iCloud Backup in the list.",
     "A green light means the service works and the problem is on the iPhone; anything else means waiting for Apple."),
    "It isn't known whether Apple's iCloud Backup service is working; when it is down, no backup can succeed.",
    None, "Apple's service status unknown")

VERIFY_ACCOUNT_EMAIL = action(
    "VERIFY_ACCOUNT_EMAIL", "FIX", 6, "Verify your Apple Account email address",
    ("Look in your inbox for the email from Apple that asks you to verify your address, and tap Verify Now in it.",
     "If you can't find it, open Settings, tap your name, then Sign-In & Security (on older versions: Name, Phone Numbers, Email).",
     "Tap your email address and follow the steps to verify it; Apple sends a new code or link.",
     "Check the junk mail folder if nothing arrives within a few minutes."),
    "The Apple Account's email address was never verified; until it is, iCloud may refuse to back up.",
    None, "Apple Account email not verified")

TURN_ON_TWO_FACTOR = action(
    "TURN_ON_TWO_FACTOR", "FIX", 6, "Turn on two-factor authentication",
    ("Open Settings.",
     "Tap your name, then Sign-In & Security.",
     "Tap Turn On Two-Factor Authentication, then Continue.",
     "Enter a phone number that can receive verification codes, and confirm it with the code Apple sends."),
    "The Apple Account doesn't use two-factor authentication; since iOS 16.3, such accounts have been reported to lose iCloud Backup.",
    "Keep the trusted phone number current: it is how you get back into the account if you lose this iPhone.",
    "Two-factor authentication is off")

SIGN_IN_TO_ICLOUD = action(
    "SIGN_IN_TO_ICLOUD", "FIX", 6, "Sign in to iCloud",
    ("Open Settings.",
     "Tap Sign in at the top of the page.",
     "Enter your Apple Account email or phone number and password.",
     "If a verification code appears on another of your Apple devices, enter it, then your iPhone's passcode."),
    "The iPhone isn't signed in to iCloud, so there is no account to back up to.",
    None, "Signed out of iCloud")

SIGN_OUT_AND_BACK_IN_FIX = action(
    "SIGN_OUT_AND_BACK_IN", "FIX", 6, "Sign in again, or sign out of iCloud and back in", SIGN_OUT_AND_BACK_IN,
    "iCloud is asking to verify the Apple Account; signing in again clears verification problems.",
    SIGN_OUT_CAUTION, "Apple Account needs verification")

SIGN_OUT_AND_BACK_IN_TRY = action(
    "SIGN_OUT_AND_BACK_IN", "TRY", 6, "Sign in again, or sign out of iCloud and back in", SIGN_OUT_AND_BACK_IN,
    "Signing in to iCloud again often clears account problems that stop backups without showing a message.",
    SIGN_OUT_CAUTION, "Sign out and back in")

RESTART_FIRST = {
    FACE_ID: ("Hold the Side button and either Volume button until the slide to power off slider appears.",),
    HOME_BUTTON: ("Hold the Side (or Top) button until the slide to power off slider appears.",),
    UNKNOWN_FAMILY: (
        "On an iPhone X or later, or an iPhone Air (Face ID): hold the Side button and either Volume button until the slide to power off slider appears.",
        "On an iPhone 8 or earlier, or any iPhone SE: hold the Side (or Top) button until the slide to power off slider appears."),
}
RESTART_THEN = (
    "Drag the slider to the right and wait for the iPhone to turn off.",
    "Hold the Side (or Top) button until the Apple logo appears.",
)


def restart_iphone(model):
    return action(
        "RESTART_IPHONE", "TRY", 7, "Restart your iPhone", RESTART_FIRST[model_family(model)] + RESTART_THEN,
        "A restart clears the iPhone's temporary memory, which sometimes gets backups going again"
        + ("." if model is None else "; these are the steps for an " + model + "."),
        None, "Restart the iPhone")


_RESTART_ACTIONS = {}


def restart_iphone_cached(model):
    text = _RESTART_ACTIONS.get(model)
    if text is None:
        text = restart_iphone(model)
        if len(_RESTART_ACTIONS) < 10_000:
            _RESTART_ACTIONS[model] = text
    return text


RESET_ALL_SETTINGS = action(
    "RESET_ALL_SETTINGS", "TRY", 8, "Reset all settings",
    ("Write down your Wi-Fi passwords first: the reset forgets them.",
     "Open Settings.",
     "Tap General.",
     "Scroll down and tap Transfer or Reset iPhone.",
     "Tap Reset, then Reset All Settings, and enter your passcode to confirm."),
    "If a restart didn't help, a setting may be interfering with the backup; resetting all settings clears it.",
    "This keeps your data, apps and photos, but erases preferences: saved Wi-Fi passwords, location and privacy settings, the keyboard dictionary, and the Apple Pay cards in Wallet, which you add again afterwards.",
    "Reset all settings")

UPDATE_IOS_INSTRUCTIONS = (
    "Connect the iPhone to Wi-Fi and plug it into power: the update needs both.",
    "Open Settings.",
    "Tap General, then Software Update.",
    "If an update is available, tap Update Now (or Download and Install).",
    "Enter your passcode if asked.",
)
UPDATE_IOS_UNKNOWN = action(
    "UPDATE_IOS", "TRY", 9, "Update iOS", UPDATE_IOS_INSTRUCTIONS,
    "It isn't known whether a newer iOS is available; an update may fix a bug that stops backups.",
    None, "Update iOS")


def update_ios(ios, latest):
    return action(
        "UPDATE_IOS", "TRY", 9, "Update iOS", UPDATE_IOS_INSTRUCTIONS,
        "The iPhone runs iOS " + version_text(ios) + " and iOS " + version_text(latest)
        + " is available; a software bug may be stopping the backup.",
        None, "Update iOS")


_UPDATE_ACTIONS = {}


def update_ios_cached(ios, latest):
    key = (ios, latest)
    text = _UPDATE_ACTIONS.get(key)
    if text is None:
        text = update_ios(ios, latest)
        if len(_UPDATE_ACTIONS) < 10_000:
            _UPDATE_ACTIONS[key] = text
    return text


FIND_APP_BREAKING_BACKUP_FIX = action(
    "FIND_APP_BREAKING_BACKUP", "FIX", None, "Find the app that breaks the backup", FIND_THE_APP,
    "Apps from outside the App Store are installed, and their data is a reported cause of \"The last backup could not be completed\".",
    APP_BACKUP_CAUTION, "Apps from outside the App Store")

FIND_APP_BREAKING_BACKUP_TRY = action(
    "FIND_APP_BREAKING_BACKUP", "TRY", None, "Find the app that breaks the backup", FIND_THE_APP,
    "When backups fail with \"The last backup could not be completed\", one app's data is often the cause.",
    APP_BACKUP_CAUTION, "Find the app that breaks the backup")

COMPUTER_INSTRUCTIONS = (
    "Connect the iPhone to a computer with its cable, and tap Trust on the iPhone if asked.",
    "On a Mac with macOS Catalina or later, open Finder and select the iPhone in the sidebar; on Windows or an older Mac, open the Apple Devices app or iTunes and select the iPhone.",
    "Choose to back up all of the data on your iPhone to this computer.",
    "Click Back Up Now and wait until it finishes.",
)
BACK_UP_WITH_COMPUTER_OUTAGE = action(
    "BACK_UP_WITH_COMPUTER", "TRY", None, "Back up with a computer instead", COMPUTER_INSTRUCTIONS,
    "Apple's iCloud Backup service is down, but a backup to a computer still works.",
    None, "Back up with a computer")
BACK_UP_WITH_COMPUTER_LAST = action(
    "BACK_UP_WITH_COMPUTER", "TRY", None, "Back up with a computer instead", COMPUTER_INSTRUCTIONS,
    "Every remedy on the iPhone has been tried or doesn't apply; a backup to a computer doesn't depend on iCloud.",
    None, "Back up with a computer")


def back_up_with_computer_stale(days, outage):
    reason = (("Apple's iCloud Backup service is down, and the iPhone hasn't backed up to iCloud for %d days: a backup to a computer still works, and keeps its data safe now." % days)
              if outage else
              ("The iPhone hasn't backed up to iCloud for %d days: a backup to a computer keeps its data safe now, while iCloud Backup is being sorted out." % days))
    return action("BACK_UP_WITH_COMPUTER", "TRY", None, "Back up with a computer instead", COMPUTER_INSTRUCTIONS,
                  reason, None, "The last backup is stale")


# --------------------------------------------------------------------------------------------
# Storage (StorageStatus and rules/04-icloud-storage.drl)

def storage_actions(total, used, nxt, apps, others, fix):
    """Appends the step-4 FIX actions for a storage that is short; `fix` is the plan's FIX list."""
    free = total - used
    shortfall = nxt - free
    facts = ("iCloud has " + readable(free) + " free but the next backup needs " + readable(nxt)
             + ", " + readable(shortfall) + " short")

    # oldBackupsToDelete: largest first (stable), leaving out those of 0 bytes, just enough.
    to_delete = []
    if others:
        freed = 0
        for name, size in sorted(others, key=_by_size_desc):
            if freed >= shortfall or size == 0:
                break
            to_delete.append((name, size))
            freed += size
    # shortAfterOldBackups
    if others is None:
        rest = shortfall
    else:
        rest = max(0, shortfall - sum(size for _, size in others))
    # appBackupsCoverTheRest: YES / NO / None (unknown)
    if rest == 0:
        cover = False
    elif apps is None:
        cover = None
    else:
        cover = sum(size for _, size in apps) >= rest

    if to_delete:
        instructions = list(OPEN_BACKUPS)
        freed = 0
        for name, size in to_delete:
            instructions.append("Tap " + name + ", then Delete & Turn Off Backup (or Turn Off & Delete), and confirm; this frees "
                                + readable(size) + ".")
            freed += size
        fix.append(action(
            "DELETE_OLD_DEVICE_BACKUPS", "FIX", 4, "Delete old devices' backups", instructions,
            facts + ("; deleting the backups of devices no longer in use frees " + readable(freed)
                     + ("." if freed >= shortfall else " of it.")),
            "Deleting a device's backup also turns off iCloud Backup for that device: only delete backups of devices you no longer use.",
            "Old device backups fill iCloud"))

    if rest > 0 and cover is not False:
        instructions = list(OPEN_BACKUPS)
        instructions.append("Tap this iPhone's name.")
        freed = 0
        if cover is True:
            for name, size in sorted(apps, key=_by_size_desc):
                if freed >= rest:
                    break
                instructions.append("Turn off " + name + " and tap Turn Off & Delete; this frees " + readable(size) + ".")
                freed += size
        if freed == 0:
            instructions.append("Turn off an app whose data you don't need in the backup, and tap Turn Off & Delete.")
            instructions.append("Repeat until at least " + readable(rest) + " is freed.")
        instructions.append("Some of Apple's apps are always backed up and have no switch here.")
        still = ("; after the old devices' backups, " + readable(rest) + " is still short") if rest < shortfall else ""
        fix.append(action(
            "FREE_UP_ICLOUD_STORAGE", "FIX", 4, "Free up iCloud storage", instructions,
            facts + still + ("; leaving apps you don't need out of the backup makes room." if freed == 0
                             else "; leaving these apps out of the backup frees " + readable(freed) + "."),
            "Turn Off & Delete removes the app's data from this iPhone's iCloud backup, not from the app or from its own iCloud storage; a restore from this backup won't bring it back.",
            "iCloud is full and app backups can make room"))

    alternative = ("DELETE_OLD_DEVICE_BACKUPS" if to_delete
                   else "FREE_UP_ICLOUD_STORAGE" if cover is not False else None)
    fix.append(action(
        "UPGRADE_ICLOUD_STORAGE", "FIX", 4, "Upgrade your iCloud storage",
        ("Open Settings.",
         "Tap your name at the top of the page.",
         "Tap iCloud, then Manage Account Storage (on older versions: Manage Storage).",
         "Tap Change Storage Plan (or Upgrade to iCloud+).",
         "Choose a plan with at least " + readable(shortfall) + " more space and confirm the purchase."),
        facts + "; a larger plan costs a few dollars a month and makes room for good.",
        None, "iCloud is full", alternative))


def _by_size_desc(entry):
    return -entry[1]


# --------------------------------------------------------------------------------------------
# The plan

def plan(facts):
    """(healthy, [action JSON]) in plan order: FIX, CHECK, TRY, each in catalog order."""
    (sid, model, ios, latest, locked, sideloaded,
     signed_in, backup_enabled, verification, email_verified, cellular, two_factor, days,
     allowed, wifi_on, wifi_connected, bars, low_data, filtered,
     plugged, charging, cable, battery,
     total, used, nxt, apps, others, service, tried) = facts

    recent = days is not None and days <= 1
    stale = days is not None and days >= 14
    outage = service == "OUTAGE"
    fix = []
    check = []
    tries = []

    # Step 1
    if allowed is False:
        fix.append(ALLOW_ICLOUD_BACKUP)
    if backup_enabled is False:
        fix.append(TURN_ON_ICLOUD_BACKUP_FIX)
    elif backup_enabled is None:
        check.append(TURN_ON_ICLOUD_BACKUP_CHECK)
    if locked is False:
        fix.append(LOCK_IPHONE)
    if not outage and "BACK_UP_NOW" not in tried:
        tries.append(BACK_UP_NOW)

    # Step 2
    wifi_fix = False
    if cellular is not True:
        if wifi_on is False:
            fix.append(CONNECT_TO_WIFI_OFF)
            wifi_fix = True
        elif wifi_connected is False:
            fix.append(CONNECT_TO_WIFI_NOT_CONNECTED)
            wifi_fix = True
        elif wifi_connected is None:
            check.append(CONNECT_TO_WIFI_CHECK)
    if wifi_connected is True:
        if bars is not None and bars <= 1:
            fix.append(MOVE_CLOSER_TO_ROUTER[bars])
        if low_data is True:
            fix.append(TURN_OFF_LOW_DATA_MODE)
    if wifi_fix and (ios is None or ios[0] >= 15) and supports_5g(model):
        fix.append(turn_on_cellular_backup(model))
    if filtered is True and not recent:
        fix.append(PAUSE_NETWORK_FILTER)

    # Step 3
    if plugged is False:
        fix.append(CONNECT_TO_POWER_FIX)
    elif plugged is None:
        check.append(CONNECT_TO_POWER_CHECK)
    elif charging is False and (battery is None or battery < 75):
        fix.append(try_another_cable_cached(cable, battery))

    # Step 4
    if total is None or used is None or nxt is None:
        check.append(FREE_UP_ICLOUD_STORAGE_CHECK)
    elif nxt > total - used:
        storage_actions(total, used, nxt, apps, others, fix)

    # Step 5
    if outage:
        fix.append(WAIT_FOR_ICLOUD_SERVICE)
    elif service == "UNKNOWN":
        check.append(CHECK_SYSTEM_STATUS)

    # Step 6
    if signed_in is not False:
        if email_verified is False:
            fix.append(VERIFY_ACCOUNT_EMAIL)
        if two_factor is False and not recent:
            fix.append(TURN_ON_TWO_FACTOR)
    else:
        fix.append(SIGN_IN_TO_ICLOUD)
    if signed_in is not False:
        if verification is True:
            fix.append(SIGN_OUT_AND_BACK_IN_FIX)
        elif not outage and "SIGN_OUT_AND_BACK_IN" not in tried:
            tries.append(SIGN_OUT_AND_BACK_IN_TRY)

    if not outage:
        # Steps 7 to 9
        if "RESTART_IPHONE" not in tried:
            tries.append(restart_iphone_cached(model))
        if "RESET_ALL_SETTINGS" not in tried:
            tries.append(RESET_ALL_SETTINGS)
        if "UPDATE_IOS" not in tried:
            if ios is None or latest is None:
                tries.append(UPDATE_IOS_UNKNOWN)
            elif older(ios, latest):
                tries.append(update_ios_cached(ios, latest))

    # An app breaking the backup
    if sideloaded is True:
        if not recent:
            fix.append(FIND_APP_BREAKING_BACKUP_FIX)
    elif not outage and "FIND_APP_BREAKING_BACKUP" not in tried:
        tries.append(FIND_APP_BREAKING_BACKUP_TRY)

    # The last resort
    if "BACK_UP_WITH_COMPUTER" not in tried and (outage or stale or not tries):
        if stale:
            tries.append(back_up_with_computer_stale(days, outage))
        else:
            tries.append(BACK_UP_WITH_COMPUTER_OUTAGE if outage else BACK_UP_WITH_COMPUTER_LAST)

    if recent:
        # A backup went through: no CHECK, no TRY (the FIX actions it would not stop are left out above).
        return not fix, fix
    return not fix and not check and not stale, fix + check + tries


# --------------------------------------------------------------------------------------------
# Batch

def error_line(number, message):
    return '{"line":%d,"error":%s}' % (number, jstr(message))


def plan_line(number, raw):
    """The output line for one non-blank input line (bytes, without the line break)."""
    if len(raw) > MAX_LINE_BYTES:
        return error_line(number, "$: snapshot is %d bytes, the limit is %d" % (len(raw), MAX_LINE_BYTES)), True
    try:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            raise Invalid("$: malformed JSON: invalid UTF-8 at byte %d" % (e.start + 1))
        if text.startswith("\ufeff"):
            text = text[1:]
        facts = read_snapshot(text)
        healthy, actions = plan(facts)
    except Invalid as e:
        return error_line(number, str(e)), True
    except Exception as e:  # never stop the batch
        return error_line(number, "$: " + type(e).__name__ + ": " + str(e)), True
    return ('{"line":%d,"id":%s,"healthy":%s,"actions":[%s]}'
            % (number, jstr(facts[0]), "true" if healthy else "false", ",".join(actions))), False


_BLANK = b" \t\r"


def run(stream, out):
    invalid = 0
    pending = []
    number = 0
    for raw in stream:
        number += 1
        if raw.endswith(b"\n"):
            raw = raw[:-1]
        if raw.endswith(b"\r"):
            raw = raw[:-1]
        if not raw.strip(_BLANK):
            continue
        line, bad = plan_line(number, raw)
        invalid += bad
        pending.append(line)
        if len(pending) >= 512:
            pending.append("")
            out.write("\n".join(pending).encode("utf-8", "replace"))
            pending = []
    if pending:
        pending.append("")
        out.write("\n".join(pending).encode("utf-8", "replace"))
    out.flush()
    return invalid


def main(argv):
    if len(argv) > 2 or (len(argv) == 2 and argv[1] in ("-h", "--help")):
        sys.stderr.write(__doc__)
        return 2
    path = argv[1] if len(argv) == 2 else "-"
    try:
        if path == "-":
            invalid = run(sys.stdin.buffer, sys.stdout.buffer)
        else:
            with open(path, "rb", buffering=1 << 20) as stream:
                invalid = run(stream, sys.stdout.buffer)
    except BrokenPipeError:
        return 0
    except OSError as e:
        sys.stderr.write("plans.py: %s\n" % e)
        return 2
    return 2 if invalid else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
