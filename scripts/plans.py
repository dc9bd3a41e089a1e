#!/usr/bin/env python3
"""Backup Doctor's plans without the rules engine: a plain, single-threaded Python 3 planner.

Usage:
    python3 scripts/plans.py [FILE|-]  > plans.jsonl

Reads JSON Lines device snapshots (the format docs/command-line.md describes; FILE or standard input)
and writes, for every non-blank input line, one line with the plan's actions as `Main batch` would
decide them: {"line": N, "id": ..., "actions": [...]} with each action's id, kind, step,
alternativeTo and rule, in plan order, or {"line": N, "error": "PATH: problem"} for a line that is
not a valid snapshot. No wording: the titles, instructions and reasons are written once, in the
message files beside the rules (rules/*.properties); this script decides which actions a plan holds.
Exit status: 0, or 2 when any line was invalid.

The conditions are a copy of the rules in rules/*.drl that
src/bench/java/dev/backupdoctor/bench/MirroredCatalog.java lists, and of the facts helpers of
src/main/java/dev/backupdoctor/facts/ they read (Python can't call them: keep them in step).
MirrorsTest (in `mvn verify`) runs this script on generated snapshots and compares its actions with
the rules' on the ids MirroredCatalog lists: `mvn -o -q test -Dtest=MirrorsTest`. Standard library only.
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
# Output: compact JSON, strings in UTF-8 rather than escaped to ASCII

_encode_basestring = json.encoder.encode_basestring


def jstr(text):
    return "null" if text is None else _encode_basestring(text)


# --------------------------------------------------------------------------------------------
# Facts helpers (dev.backupdoctor.facts)

_VERSION = re.compile(r"[0-9]{1,6}(?:\.[0-9]{1,6}){0,3}")


def parse_version(text):
    """IosVersion.parse: the parts as a tuple of ints, or None when not a version."""
    if _VERSION.fullmatch(text) is None:
        return None
    return tuple(int(p) for p in text.split("."))


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
    """The snapshot's id and its facts as a tuple (see plan()); raises Invalid."""
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
    _choice(p, "$.power", "cable", _CABLES)  # read to be checked: only the wording depends on it
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

    return sid, (model, ios, latest, locked, sideloaded,
                 signed_in, backup_enabled, verification, email_verified, cellular, two_factor, days,
                 allowed, wifi_on, wifi_connected, bars, low_data, filtered,
                 plugged, charging, battery,
                 total, used, nxt, apps, others, service, tried)


# --------------------------------------------------------------------------------------------
# Actions: each rule's, as JSON in PlanWriter's field order


def action(rule, kind, id_, step, alternative=None):
    return "".join(('{"id":"', id_, '","kind":"', kind, '","step":', "null" if step is None else str(step),
                    ',"alternativeTo":', jstr(alternative), ',"rule":', jstr(rule), "}"))


ALLOW_ICLOUD_BACKUP = action("iCloud Backup is restricted", "FIX", "ALLOW_ICLOUD_BACKUP", 1)
TURN_ON_ICLOUD_BACKUP_FIX = action("iCloud Backup is off", "FIX", "TURN_ON_ICLOUD_BACKUP", 1)
TURN_ON_ICLOUD_BACKUP_CHECK = action("iCloud Backup may be off", "CHECK", "TURN_ON_ICLOUD_BACKUP", 1)
LOCK_IPHONE = action("Screen is unlocked", "FIX", "LOCK_IPHONE", 1)
BACK_UP_NOW = action("Back up now", "TRY", "BACK_UP_NOW", 1)
CONNECT_TO_WIFI_FIX = action("Wi-Fi is off or not connected", "FIX", "CONNECT_TO_WIFI", 2)
CONNECT_TO_WIFI_CHECK = action("Wi-Fi connection unknown", "CHECK", "CONNECT_TO_WIFI", 2)
MOVE_CLOSER_TO_ROUTER = action("Wi-Fi signal is weak", "FIX", "MOVE_CLOSER_TO_ROUTER", 2)
TURN_OFF_LOW_DATA_MODE = action("Low Data Mode is on", "FIX", "TURN_OFF_LOW_DATA_MODE", 2)
TURN_ON_CELLULAR_BACKUP = action("Back up over cellular instead", "FIX", "TURN_ON_CELLULAR_BACKUP", 2, "CONNECT_TO_WIFI")
PAUSE_NETWORK_FILTER = action("A VPN or network filter is in the way", "FIX", "PAUSE_NETWORK_FILTER", 2)
CONNECT_TO_POWER_FIX = action("Not plugged in", "FIX", "CONNECT_TO_POWER", 3)
CONNECT_TO_POWER_CHECK = action("Power connection unknown", "CHECK", "CONNECT_TO_POWER", 3)
TRY_ANOTHER_CABLE = action("Plugged in but not charging", "FIX", "TRY_ANOTHER_CABLE", 3)
DELETE_OLD_DEVICE_BACKUPS = action("Old device backups fill iCloud", "FIX", "DELETE_OLD_DEVICE_BACKUPS", 4)
FREE_UP_ICLOUD_STORAGE_FIX = action("iCloud is full and app backups can make room", "FIX", "FREE_UP_ICLOUD_STORAGE", 4)
FREE_UP_ICLOUD_STORAGE_CHECK = action("iCloud storage unknown", "CHECK", "FREE_UP_ICLOUD_STORAGE", 4)
UPGRADE_ICLOUD_STORAGE = {alternative: action("iCloud is full", "FIX", "UPGRADE_ICLOUD_STORAGE", 4, alternative)
                          for alternative in (None, "DELETE_OLD_DEVICE_BACKUPS", "FREE_UP_ICLOUD_STORAGE")}
WAIT_FOR_ICLOUD_SERVICE = action("Apple reports an outage", "FIX", "WAIT_FOR_ICLOUD_SERVICE", 5)
CHECK_SYSTEM_STATUS = action("Apple's service status unknown", "CHECK", "CHECK_SYSTEM_STATUS", 5)
VERIFY_ACCOUNT_EMAIL = action("Apple Account email not verified", "FIX", "VERIFY_ACCOUNT_EMAIL", 6)
TURN_ON_TWO_FACTOR = action("Two-factor authentication is off", "FIX", "TURN_ON_TWO_FACTOR", 6)
SIGN_IN_TO_ICLOUD = action("Signed out of iCloud", "FIX", "SIGN_IN_TO_ICLOUD", 6)
SIGN_OUT_AND_BACK_IN_FIX = action("Apple Account needs verification", "FIX", "SIGN_OUT_AND_BACK_IN", 6)
SIGN_OUT_AND_BACK_IN_TRY = action("Sign out and back in", "TRY", "SIGN_OUT_AND_BACK_IN", 6)
RESTART_IPHONE = action("Restart the iPhone", "TRY", "RESTART_IPHONE", 7)
RESET_ALL_SETTINGS = action("Reset all settings", "TRY", "RESET_ALL_SETTINGS", 8)
UPDATE_IOS = action("Update iOS", "TRY", "UPDATE_IOS", 9)
FIND_APP_BREAKING_BACKUP_FIX = action("Apps from outside the App Store", "FIX", "FIND_APP_BREAKING_BACKUP", None)
FIND_APP_BREAKING_BACKUP_TRY = action("Find the app that breaks the backup", "TRY", "FIND_APP_BREAKING_BACKUP", None)
BACK_UP_WITH_COMPUTER = action("Back up with a computer", "TRY", "BACK_UP_WITH_COMPUTER", None)
BACK_UP_WITH_COMPUTER_STALE = action("The last backup is stale", "TRY", "BACK_UP_WITH_COMPUTER", None)


# --------------------------------------------------------------------------------------------
# Storage (StorageStatus and rules/04-icloud-storage.drl)

def storage_actions(total, used, nxt, apps, others, fix):
    """Appends the step-4 FIX actions for a storage that is short; `fix` is the plan's FIX list."""
    shortfall = nxt - (total - used)
    # oldBackupsToDelete is not empty: a backup of more than 0 bytes to delete
    delete_old = others is not None and any(size > 0 for _, size in others)
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

    if delete_old:
        fix.append(DELETE_OLD_DEVICE_BACKUPS)
    if rest > 0 and cover is not False:
        fix.append(FREE_UP_ICLOUD_STORAGE_FIX)
    fix.append(UPGRADE_ICLOUD_STORAGE["DELETE_OLD_DEVICE_BACKUPS" if delete_old
                                      else "FREE_UP_ICLOUD_STORAGE" if cover is not False else None])


# --------------------------------------------------------------------------------------------
# The plan

def plan(facts):
    """[action JSON] in plan order: FIX, CHECK, TRY, each in catalog order."""
    (model, ios, latest, locked, sideloaded,
     signed_in, backup_enabled, verification, email_verified, cellular, two_factor, days,
     allowed, wifi_on, wifi_connected, bars, low_data, filtered,
     plugged, charging, battery,
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
        if wifi_on is False or wifi_connected is False:
            fix.append(CONNECT_TO_WIFI_FIX)
            wifi_fix = True
        elif wifi_connected is None:
            check.append(CONNECT_TO_WIFI_CHECK)
    if wifi_connected is True:
        if bars is not None and bars <= 1:
            fix.append(MOVE_CLOSER_TO_ROUTER)
        if low_data is True:
            fix.append(TURN_OFF_LOW_DATA_MODE)
    if wifi_fix and (ios is None or ios[0] >= 15) and supports_5g(model):
        fix.append(TURN_ON_CELLULAR_BACKUP)
    if filtered is True and not recent:
        fix.append(PAUSE_NETWORK_FILTER)

    # Step 3
    if plugged is False:
        fix.append(CONNECT_TO_POWER_FIX)
    elif plugged is None:
        check.append(CONNECT_TO_POWER_CHECK)
    elif charging is False and (battery is None or battery < 75):
        fix.append(TRY_ANOTHER_CABLE)

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
            tries.append(RESTART_IPHONE)
        if "RESET_ALL_SETTINGS" not in tried:
            tries.append(RESET_ALL_SETTINGS)
        if "UPDATE_IOS" not in tried and (ios is None or latest is None or older(ios, latest)):
            tries.append(UPDATE_IOS)

    # An app breaking the backup
    if sideloaded is True:
        if not recent:
            fix.append(FIND_APP_BREAKING_BACKUP_FIX)
    elif not outage and "FIND_APP_BREAKING_BACKUP" not in tried:
        tries.append(FIND_APP_BREAKING_BACKUP_TRY)

    # The last resort
    if "BACK_UP_WITH_COMPUTER" not in tried and (outage or stale or not tries):
        tries.append(BACK_UP_WITH_COMPUTER_STALE if stale else BACK_UP_WITH_COMPUTER)

    if recent:
        # A backup went through: no CHECK, no TRY (the FIX actions it would not stop are left out above).
        return fix
    return fix + check + tries


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
        sid, facts = read_snapshot(text)
        actions = plan(facts)
    except Invalid as e:
        return error_line(number, str(e)), True
    except Exception as e:  # never stop the batch
        return error_line(number, "$: " + type(e).__name__ + ": " + str(e)), True
    return '{"line":%d,"id":%s,"actions":[%s]}' % (number, jstr(sid), ",".join(actions)), False


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
