#!/usr/bin/env python3
"""Writes N random, valid v2 device snapshots as JSON Lines (the format docs/command-line.md describes), for
comparing scripts/plans.py with `Main batch` and for benchmarks.

Usage:
    python3 scripts/generate-fleet.py N SEED [--omit FIELD[,FIELD...]] > fleet.jsonl

The same N and SEED always give the same lines. Every snapshot field is random, null or
absent; the lines reach every row of the catalog: storage shortfalls covered exactly, partly or more
than enough by other devices' backups and by app backups (zero-byte and equal-sized entries too),
5G and non-5G model names (odd case and spacing, unrecognised names), battery at 74 and 75 %,
tried ids (catalog and extension ids, duplicates), outages, backups 0-1, 13-14 and more days old.
--omit leaves out fields, as dotted paths (`--omit id,icloud.lastBackupDaysAgo`), for a reader
that doesn't know them, such as an older build of Main.
"""

import json
import random
import sys

MAX_BYTES = (1 << 53) - 1

MODELS = [
    "iPhone 6s", "iPhone 6s Plus", "iPhone SE (1st generation)", "iPhone 7", "iPhone 7 Plus", "iPhone 8",
    "iPhone 8 Plus", "iPhone X", "iPhone XS", "iPhone XS Max", "iPhone XR", "iPhone 11", "iPhone 11 Pro",
    "iPhone 11 Pro Max", "iPhone SE (2nd generation)", "iPhone 12 mini", "iPhone 12", "iPhone 12 Pro",
    "iPhone 12 Pro Max", "iPhone 13 Pro", "iPhone 13 mini", "iPhone 13", "iPhone SE (3rd generation)",
    "iPhone 14", "iPhone 14 Plus", "iPhone 14 Pro Max", "iPhone 15", "iPhone 15 Pro", "iPhone 16 Pro",
    "iPhone 16e", "iPhone 17 Pro", "iPhone Air", "iPhone 17",
    # odd spellings: case, spacing, numbers, names that aren't recognised
    "iphone  15   pro max", " IPHONE 12 MINI ", "iPhone\t13", "iPhone SE  (3rd   generation)", "IPHONE AIR 2",
    "iPhone 012", "iPhone 100", "iPhone 9", "iPhone 10", "iPhone8", "iPhone Xs", "iPhone 1", "iPhone 0",
    "iPhone", "iPhone Airy", "iPhone XR2", "iPhone 12_1", "Pixel 8", "", "iPad Pro", "Galaxy S24",
    "iPhone 15 \"Work\"", "Émile's iPhone 14", "iPhone 13\u0001", "iPhone\u00a012", "iPhone 12\u2028",
    "iPhone 14 é", "iPhone 11\\Pro",
]
VERSIONS = ["12.5.7", "14", "14.8", "15", "15.0", "15.8.3", "16.7.2", "17", "17.0", "17.1.1", "17.1.2",
            "17.10", "17.9.1", "18.0.1", "18.6", "26", "26.0.1", "016.07.2", "1.2.3.4"]
APPS = ["WhatsApp", "Photos", "Messages", "Signal", "Telegram", "Notes", "TikTok", "Mum's \"Game\"",
        "Übersetzer", "App\\Backslash", "📷 Camera+", "A/B"]
DEVICES = ["Old iPad", "iPhone 7", "Mum's iPhone 8", "Work iPhone", "iPad (5th generation)", "📱 spare", "Tab\there"]
TRY_IDS = ["BACK_UP_NOW", "SIGN_OUT_AND_BACK_IN", "RESTART_IPHONE", "RESET_ALL_SETTINGS", "UPDATE_IOS",
           "FIND_APP_BREAKING_BACKUP", "BACK_UP_WITH_COMPUTER"]
OTHER_IDS = ["CONNECT_TO_WIFI", "TURN_ON_ICLOUD_BACKUP", "MY_OWN_REMEDY", "X", "A1_B2"]
SIZES = [0, 1, 999_999, 1_000_000, 1_499_999, 1_500_000, 99_999_999, 100_000_000, 149_999_999, 150_000_000,
         999_999_999, 1_000_000_000, 5_000_000_000, 50_000_000_000]
IDS = ["F2LXK3ABHG7F", "", "asset-0042", "Anna's iPhone", "Ünïcödé 📱", "x" * 200, "tab\tand \"quote\""]


class Snapshot:
    def __init__(self, rng, omit):
        self.rng = rng
        self.omit = omit

    def put(self, section, path, key, value, absent=0.2, null=0.08):
        """Sets section[key] to value, to null or leaves it out."""
        if path + key in self.omit:
            return
        r = self.rng.random()
        if r < absent:
            return
        section[key] = None if r < absent + null else value


def boolean(rng, p_true=0.5):
    return rng.random() < p_true


def size(rng, hi):
    """A byte count up to hi: mostly ordinary, sometimes a boundary value."""
    if rng.random() < 0.3:
        candidates = [s for s in SIZES if s <= hi]
        if candidates:
            return rng.choice(candidates)
    return rng.randint(0, hi)


def split(rng, total, parts):
    """total split into parts non-negative integers."""
    if parts <= 0:
        return []
    cuts = sorted(rng.randint(0, total) for _ in range(parts - 1))
    return [b - a for a, b in zip([0] + cuts, cuts + [total])]


def entries(rng, names, amount, mode):
    """A list of (name, bytes) whose sum relates to amount as mode says."""
    if mode == "empty":
        return []
    k = rng.choice([1, 1, 2, 3, 4, 6])
    if mode == "exact":
        sizes = split(rng, amount, k)
    elif mode == "less":
        sizes = split(rng, rng.randint(0, max(0, amount - 1)), k)
    elif mode == "more":
        sizes = split(rng, min(MAX_BYTES // 8, amount + rng.randint(1, max(1, amount))), k)
    elif mode == "equal":
        each = max(1, amount // k) if rng.random() < 0.5 else rng.randint(0, max(1, amount))
        each = min(each, MAX_BYTES // 8)
        sizes = [each] * k
    else:  # zeros mixed in
        sizes = split(rng, amount, k) + [0] * rng.randint(1, 2)
        rng.shuffle(sizes)
    return [(rng.choice(names), s) for s in sizes]


def storage(snap, rng):
    s = {}
    mode = rng.choice(["short", "short", "short", "fits", "unknown"])
    total = rng.choice([5_000_000_000, 50_000_000_000, 200_000_000_000, 2_000_000_000_000,
                        size(rng, 3_000_000_000_000), MAX_BYTES])
    used = size(rng, total) if rng.random() < 0.8 else total
    free = total - used
    if mode == "fits":
        nxt = rng.randint(0, free) if free > 0 else 0
    else:
        shortfall = rng.choice([1, 500_000, 999_999, 1_000_000, 1_500_000, 100_000_000, 150_000_000,
                                rng.randint(1, 2_000_000_000), rng.randint(1, 60_000_000_000)])
        if free > MAX_BYTES - shortfall:
            free = MAX_BYTES - shortfall
            used = total - free
        nxt = free + shortfall
    path = "storage."
    if mode == "unknown":
        for key, value in (("totalBytes", total), ("usedBytes", used), ("nextBackupBytes", nxt)):
            snap.put(s, path, key, value, absent=0.4, null=0.2)
    else:
        s["totalBytes"], s["usedBytes"], s["nextBackupBytes"] = total, used, nxt
    shortfall = max(0, nxt - free)
    others = None
    others_mode = rng.choice(["none", "none", "exact", "less", "more", "equal", "zeros", "empty"])
    if others_mode != "none":
        others = entries(rng, DEVICES, shortfall, others_mode)
        snap.put(s, path, "otherDeviceBackups", [{"device": n, "bytes": b} for n, b in others], absent=0, null=0.1)
    rest = max(0, shortfall - sum(b for _, b in (others or [])))
    apps_mode = rng.choice(["none", "exact", "less", "more", "equal", "zeros", "empty"])
    if apps_mode != "none":
        apps = entries(rng, APPS, rest if rest else shortfall, apps_mode)
        snap.put(s, path, "appBackups", [{"app": n, "bytes": b} for n, b in apps], absent=0, null=0.1)
    return s


def snapshot(rng, omit):
    snap = Snapshot(rng, omit)
    root = {}
    snap.put(root, "", "id", rng.choice(IDS + ["device-%d" % rng.randint(0, 99999)]))

    device = {}
    snap.put(device, "device.", "model", rng.choice(MODELS))
    snap.put(device, "device.", "iosVersion", rng.choice(VERSIONS))
    snap.put(device, "device.", "latestIosVersion", rng.choice(VERSIONS[-8:]))
    snap.put(device, "device.", "screenLocked", boolean(rng, 0.7))
    snap.put(device, "device.", "sideloadedApps", boolean(rng, 0.2))
    snap.put(root, "", "device", device, absent=0.05, null=0.03)

    icloud = {}
    snap.put(icloud, "icloud.", "signedIn", boolean(rng, 0.8))
    snap.put(icloud, "icloud.", "backupEnabled", boolean(rng, 0.7))
    snap.put(icloud, "icloud.", "verificationRequired", boolean(rng, 0.2))
    snap.put(icloud, "icloud.", "emailVerified", boolean(rng, 0.8))
    snap.put(icloud, "icloud.", "backupOverCellular", boolean(rng, 0.3))
    snap.put(icloud, "icloud.", "twoFactor", boolean(rng, 0.8))
    snap.put(icloud, "icloud.", "lastBackupDaysAgo",
             rng.choice([0, 1, 2, 6, 7, 13, 14, 15, 30, 400, 36500, rng.randint(0, 36500)]), absent=0.3)
    snap.put(root, "", "icloud", icloud, absent=0.05, null=0.03)

    snap.put(root, "", "restrictions", {"backupAllowed": boolean(rng, 0.8)} if rng.random() < 0.8 else {},
             absent=0.3, null=0.05)

    wifi = {}
    snap.put(wifi, "wifi.", "enabled", boolean(rng, 0.8))
    snap.put(wifi, "wifi.", "connected", boolean(rng, 0.7))
    snap.put(wifi, "wifi.", "signalBars", rng.randint(0, 3))
    snap.put(wifi, "wifi.", "lowDataMode", boolean(rng, 0.2))
    snap.put(wifi, "wifi.", "filtered", boolean(rng, 0.2))
    snap.put(root, "", "wifi", wifi, absent=0.05, null=0.03)

    power = {}
    snap.put(power, "power.", "connected", boolean(rng, 0.7))
    snap.put(power, "power.", "charging", boolean(rng, 0.6))
    snap.put(power, "power.", "cable", rng.choice(["APPLE", "THIRD_PARTY", "UNKNOWN"]))
    snap.put(power, "power.", "batteryPercent", rng.choice([0, 1, 50, 74, 75, 76, 80, 100, rng.randint(0, 100)]))
    snap.put(root, "", "power", power, absent=0.05, null=0.03)

    snap.put(root, "", "storage", storage(snap, rng), absent=0.1, null=0.03)
    snap.put(root, "", "service", {"icloudBackup": rng.choice(["AVAILABLE", "AVAILABLE", "OUTAGE", "UNKNOWN"])}
             if rng.random() < 0.9 else {}, absent=0.1, null=0.03)

    tried = []
    if rng.random() < 0.6:
        tried = rng.sample(TRY_IDS, rng.randint(0, len(TRY_IDS)))
        if rng.random() < 0.2:
            tried.append(rng.choice(OTHER_IDS))
        if tried and rng.random() < 0.1:
            tried.append(tried[0])
    snap.put(root, "", "tried", tried)

    for path in omit:
        parts = path.split(".")
        node = root
        for part in parts[:-1]:
            node = node.get(part) if isinstance(node, dict) else None
        if isinstance(node, dict):
            node.pop(parts[-1], None)
    return root


def main(argv):
    args = argv[1:]
    omit = set()
    if "--omit" in args:
        i = args.index("--omit")
        omit = {f for f in args[i + 1].split(",") if f}
        del args[i:i + 2]
    if len(args) != 2:
        sys.stderr.write(__doc__)
        return 2
    count, seed = int(args[0]), int(args[1])
    rng = random.Random(seed)
    out = sys.stdout
    lines = []
    for _ in range(count):
        root = snapshot(rng, omit)
        items = list(root.items())
        if rng.random() < 0.1:
            rng.shuffle(items)
        compact = rng.random() < 0.8
        lines.append(json.dumps(dict(items), ensure_ascii=rng.random() < 0.2,
                                separators=(",", ":") if compact else (", ", ": ")))
        if len(lines) >= 1000:
            out.write("\n".join(lines) + "\n")
            lines = []
    if lines:
        out.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
