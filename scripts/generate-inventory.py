#!/usr/bin/env python3
"""Writes a random, realistic device-management inventory of N devices, for measuring
`Main batch|report|import --from mdm|jamf` (scripts/perf-inventory.sh).

Usage:
    python3 scripts/generate-inventory.py --from mdm --count N --out DIR [--seed S]
    python3 scripts/generate-inventory.py --from jamf --count N --out FILE [--seed S]

mdm: N Apple MDM DeviceInformation responses in DIR, one property list per device named after
its UDID ("00008120-001A2B3C4D5E6F01.plist"), about half XML and half binary, with the keys a
real response carries (device, OS, capacity, battery, network, carrier, iCloud backup), so an XML
file is 2-3 KB and a binary one about 1.5 KB.
jamf: one page of Jamf Pro's GET /api/v2/mobile-devices/detail with the GENERAL and HARDWARE
sections ({"totalCount": N, "results": [...]}), about 1.5-2 KB a device, written as it is made.

The same arguments always give the same files. About 4 % of the devices are iPads (the commands
skip them); the rest are iPhones, mostly of model identifiers in ModelIdentifiers.java's table and
about 3 % of identifiers it lacks; the battery is 0-100 % or -1 (unknown); the last iCloud backup
0-400 days before 2026-11-26 or missing; backup on, off or not reported. Every record is valid:
none is unreadable.
"""

import argparse
import datetime
import json
import os
import plistlib
import random
import sys
import uuid

AS_OF = datetime.datetime(2026, 11, 26)  # naive UTC: Python 3.11's plistlib wants naive datetimes

# ModelIdentifiers.java's table: identifier, marketing name, model number, capacities (GB)
IPHONES = [
    ("iPhone8,1", "iPhone 6s", "MKQJ2LL/A", [32, 128]), ("iPhone8,2", "iPhone 6s Plus", "MKU12LL/A", [32, 128]),
    ("iPhone8,4", "iPhone SE (1st generation)", "MLLN2LL/A", [32, 128]), ("iPhone9,1", "iPhone 7", "MN8G2LL/A", [32, 128]),
    ("iPhone9,3", "iPhone 7", "MN9C2LL/A", [32, 128]), ("iPhone9,2", "iPhone 7 Plus", "MNQH2LL/A", [32, 128]),
    ("iPhone9,4", "iPhone 7 Plus", "MNR22LL/A", [32, 128]), ("iPhone10,1", "iPhone 8", "MQ6G2LL/A", [64, 256]),
    ("iPhone10,4", "iPhone 8", "MQ6K2LL/A", [64, 256]), ("iPhone10,2", "iPhone 8 Plus", "MQ8D2LL/A", [64, 256]),
    ("iPhone10,5", "iPhone 8 Plus", "MQ8E2LL/A", [64, 256]), ("iPhone10,3", "iPhone X", "MQA52LL/A", [64, 256]),
    ("iPhone10,6", "iPhone X", "MQAJ2LL/A", [64, 256]), ("iPhone11,2", "iPhone XS", "MT962LL/A", [64, 256, 512]),
    ("iPhone11,4", "iPhone XS Max", "MT502LL/A", [64, 256, 512]), ("iPhone11,6", "iPhone XS Max", "MT5D2LL/A", [64, 256, 512]),
    ("iPhone11,8", "iPhone XR", "MRYU2LL/A", [64, 128, 256]), ("iPhone12,1", "iPhone 11", "MWLT2LL/A", [64, 128, 256]),
    ("iPhone12,3", "iPhone 11 Pro", "MWC22LL/A", [64, 256, 512]), ("iPhone12,5", "iPhone 11 Pro Max", "MWHD2LL/A", [64, 256, 512]),
    ("iPhone12,8", "iPhone SE (2nd generation)", "MX9R2LL/A", [64, 128, 256]), ("iPhone13,1", "iPhone 12 mini", "MGE23LL/A", [64, 128, 256]),
    ("iPhone13,2", "iPhone 12", "MGJ53LL/A", [64, 128, 256]), ("iPhone13,3", "iPhone 12 Pro", "MGLM3LL/A", [128, 256, 512]),
    ("iPhone13,4", "iPhone 12 Pro Max", "MGC03LL/A", [128, 256, 512]), ("iPhone14,2", "iPhone 13 Pro", "MLTP3LL/A", [128, 256, 512, 1024]),
    ("iPhone14,3", "iPhone 13 Pro Max", "MLKR3LL/A", [128, 256, 512, 1024]), ("iPhone14,4", "iPhone 13 mini", "MLHY3LL/A", [128, 256, 512]),
    ("iPhone14,5", "iPhone 13", "MLMH3LL/A", [128, 256, 512]), ("iPhone14,6", "iPhone SE (3rd generation)", "MMXN3LL/A", [64, 128, 256]),
    ("iPhone14,7", "iPhone 14", "MPUA3LL/A", [128, 256, 512]), ("iPhone14,8", "iPhone 14 Plus", "MQ3U3LL/A", [128, 256, 512]),
    ("iPhone15,2", "iPhone 14 Pro", "MQ0E3LL/A", [128, 256, 512, 1024]), ("iPhone15,3", "iPhone 14 Pro Max", "MQ8N3LL/A", [128, 256, 512, 1024]),
    ("iPhone15,4", "iPhone 15", "MTLU3LL/A", [128, 256, 512]), ("iPhone15,5", "iPhone 15 Plus", "MU0X3LL/A", [128, 256, 512]),
    ("iPhone16,1", "iPhone 15 Pro", "MTQ43LL/A", [128, 256, 512, 1024]), ("iPhone16,2", "iPhone 15 Pro Max", "MU663LL/A", [256, 512, 1024]),
    ("iPhone17,1", "iPhone 16 Pro", "MYMG3LL/A", [128, 256, 512, 1024]), ("iPhone17,2", "iPhone 16 Pro Max", "MYWX3LL/A", [256, 512, 1024]),
    ("iPhone17,3", "iPhone 16", "MYE73LL/A", [128, 256, 512]), ("iPhone17,4", "iPhone 16 Plus", "MXVU3LL/A", [128, 256, 512]),
    ("iPhone17,5", "iPhone 16e", "MD1Q4LL/A", [128, 256, 512]),
    ("iPhone18,1", "iPhone 17 Pro", "MG8G4LL/A", [256, 512, 1024]), ("iPhone18,3", "iPhone 17", "MG6M4LL/A", [256, 512]),
    ("iPhone18,4", "iPhone Air", "MG2L4LL/A", [256, 512, 1024]),
]
# Newer than the table: mapped with an unknown model name.
UNKNOWN_IPHONES = [("iPhone19,1", "a model newer than the table", "MZ001LL/A", [256, 512])]
IPADS = [("iPad13,16", "iPad Air (5th generation)", "MM9C3LL/A", [64, 256]),
         ("iPad14,8", "iPad Air 11-inch (M2)", "MUWC3LL/A", [128, 256, 512]),
         ("iPad12,1", "iPad (9th generation)", "MK2K3LL/A", [64, 256])]
# (version, build): the fleet lags behind the newest iOS a little
IOS = [("15.8.3", "19H386"), ("16.7.10", "20H350"), ("17.6.1", "21G93"), ("17.7.2", "21H221"), ("18.5", "22F76"),
       ("18.6.2", "22G100"), ("18.7.1", "22H31"), ("26.0.1", "23A355"), ("26.1", "23B85"), ("26.1", "23B85")]
CARRIERS = [("Verizon", "311", "480", "62.0"), ("AT&T", "310", "410", "62.1"), ("T-Mobile", "310", "260", "61.5"),
            ("Vodafone", "234", "15", "60.2"), ("Telekom.de", "262", "01", "61.0")]
TEAMS = ["Sales", "Warehouse", "Field tech", "Front desk", "Support", "Finance", "Logistics", "Nursing", "Retail",
         "Driver", "Engineering", "Marketing"]
FIRST = ["Anna", "Ben", "Chloé", "David", "Emma", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kemal", "Lena", "Miguel",
         "Nora", "Olu", "Priya", "Rosa", "Sven", "Tariq", "Uma", "Wei", "Zoë"]
SERIAL_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
HEX = "0123456789ABCDEF"


def serial(rng):
    return "".join(rng.choice(SERIAL_CHARS) for _ in range(rng.choice([10, 12])))


def udid(rng, model):
    if model[0].startswith(("iPhone8", "iPhone9", "iPhone10")):
        return "%040x" % rng.getrandbits(160)  # before the A12: 40 hex digits
    return "0000%04X-%016X" % (rng.choice([0x8020, 0x8030, 0x8101, 0x8110, 0x8120, 0x8130, 0x8140]),
                               rng.getrandbits(64))


def mac(rng):
    return ":".join("%02x" % rng.getrandbits(8) for _ in range(6))


def digits(rng, n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def imei(rng):
    return " ".join([digits(rng, 2), digits(rng, 6), digits(rng, 6), digits(rng, 1)])


def pick_model(rng):
    r = rng.random()
    if r < 0.04:
        return rng.choice(IPADS)
    if r < 0.07:
        return rng.choice(UNKNOWN_IPHONES)
    return rng.choice(IPHONES)


def device(rng):
    """The facts both inventories share, as plain values."""
    model = pick_model(rng)
    capacity = rng.choice(model[3])
    used = rng.uniform(0.2, 0.98)
    r = rng.random()
    backup_enabled = True if r < 0.75 else False if r < 0.9 else None
    r = rng.random()
    if r < 0.15:
        last_backup = None
    else:
        # mostly recent, a long tail up to 400 days
        days = rng.random() * 3 if r < 0.6 else rng.random() * 30 if r < 0.85 else rng.random() * 400
        last_backup = (AS_OF - datetime.timedelta(seconds=int(days * 86400))).replace(microsecond=0)
    version, build = rng.choice(IOS)
    carrier = rng.choice(CARRIERS)
    return {
        "model": model, "capacity": capacity, "available": round(capacity * (1 - used), 2),
        "battery": -1.0 if rng.random() < 0.05 else round(rng.randint(1, 100) / 100, 2),
        "backupEnabled": backup_enabled, "lastBackup": last_backup,
        "version": version, "build": build, "serial": serial(rng), "udid": udid(rng, model),
        "name": ("%s %s %d" % (rng.choice(TEAMS), model[1].split(" ")[0], rng.randint(1, 400)) if rng.random() < 0.6
                 else "%s's %s" % (rng.choice(FIRST), model[1].split(" (")[0])),
        "imei": imei(rng), "meid": digits(rng, 14), "iccid": "89" + digits(rng, 18),
        "wifi": mac(rng), "bluetooth": mac(rng), "carrier": carrier, "phone": "+1" + digits(rng, 10),
        "inventoryAgo": datetime.timedelta(seconds=rng.randint(60, 3 * 86400)),
        "supervised": rng.random() < 0.85,
    }


def mdm_response(rng, d):
    model = d["model"]
    carrier = d["carrier"]
    answers = {
        "AvailableDeviceCapacity": d["available"], "DeviceCapacity": float(d["capacity"]),
        "BatteryLevel": d["battery"], "BluetoothMAC": d["bluetooth"], "BuildVersion": d["build"],
        "CarrierSettingsVersion": carrier[3], "CellularTechnology": 3, "CurrentCarrierNetwork": carrier[0],
        "CurrentMCC": carrier[1], "CurrentMNC": carrier[2],
        "DeviceName": d["name"],
        "ICCID": d["iccid"], "IMEI": d["imei"], "IsActivationLockEnabled": rng.random() < 0.3,
        "IsDeviceLocatorServiceEnabled": rng.random() < 0.7, "IsDoNotDisturbInEffect": rng.random() < 0.1,
        "IsMDMLostModeEnabled": False, "IsRoaming": False,
        "IsSupervised": d["supervised"], "MEID": d["meid"], "Model": model[2], "ModelName": model[1].split(" ")[0],
        "ModemFirmwareVersion": "%d.%02d.%02d" % (rng.randint(1, 9), rng.randint(0, 99), rng.randint(0, 99)),
        "OSVersion": d["version"], "PersonalHotspotEnabled": rng.random() < 0.2, "PhoneNumber": d["phone"],
        "ProductName": model[0], "SIMCarrierNetwork": carrier[0], "SerialNumber": d["serial"],
        "SubscriberCarrierNetwork": carrier[0], "SubscriberMCC": carrier[1], "SubscriberMNC": carrier[2],
        "UDID": d["udid"], "WiFiMAC": d["wifi"],
        "iTunesStoreAccountIsActive": rng.random() < 0.8,
        "ServiceSubscriptions": [{
            "CurrentCarrierNetwork": carrier[0], "ICCID": d["iccid"], "IMEI": d["imei"], "IsDataPreferred": True,
            "IsRoaming": False, "IsVoicePreferred": True, "Label": "Primary", "LabelID": str(uuid.UUID(int=rng.getrandbits(128))).upper(),
            "PhoneNumber": d["phone"], "Slot": "CTSubscriptionSlotOne"}],
    }
    if d["model"][0].startswith("iPad"):
        for key in ("IMEI", "MEID", "PhoneNumber", "ServiceSubscriptions", "ICCID"):
            answers.pop(key, None)
    if d["backupEnabled"] is not None:
        answers["IsCloudBackupEnabled"] = d["backupEnabled"]
    if d["lastBackup"] is not None:
        answers["LastCloudBackupDate"] = d["lastBackup"]
    return {"CommandUUID": str(uuid.UUID(int=rng.getrandbits(128))).upper(), "QueryResponses": answers,
            "Status": "Acknowledged", "UDID": d["udid"]}


def iso(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (moment.microsecond // 1000)


def jamf_result(rng, d, number):
    model = d["model"]
    inventory = AS_OF - d["inventoryAgo"]
    enrolled = AS_OF - datetime.timedelta(days=rng.randint(30, 1500))
    general = {
        "udid": d["udid"], "displayName": d["name"], "assetTag": "A-%06d" % number if rng.random() < 0.5 else None,
        "siteId": str(rng.choice([-1, 1, 2, 3])), "lastInventoryUpdateDate": iso(inventory),
        "osVersion": d["version"], "osRapidSecurityResponse": None, "osBuild": d["build"],
        "ipAddress": "10.%d.%d.%d" % (rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254)),
        "managed": True, "supervised": d["supervised"], "deviceOwnershipType": "Institutional",
        "enrollmentMethodPrestage": {"mobileDevicePrestageId": str(rng.randint(1, 9)), "profileName": "Corporate iPhones"},
        "enrollmentSessionTokenValid": True, "lastEnrolledDate": iso(enrolled), "mdmProfileExpirationDate": iso(enrolled + datetime.timedelta(days=730)),
        "timeZone": rng.choice(["America/New_York", "America/Chicago", "Europe/London", "Europe/Berlin"]),
        "declarativeDeviceManagementEnabled": True, "extensionAttributes": [
            {"id": "1", "name": "Cost centre", "type": "STRING", "value": ["CC-%04d" % rng.randint(1, 9999)],
             "extensionAttributeCollectionAllowed": False, "inventoryDisplay": "General"},
            {"id": "2", "name": "Department", "type": "STRING", "value": [rng.choice(TEAMS)],
             "extensionAttributeCollectionAllowed": False, "inventoryDisplay": "General"},
            {"id": "3", "name": "Leased until", "type": "DATE", "value": [(AS_OF + datetime.timedelta(days=rng.randint(0, 900))).strftime("%Y-%m-%d")],
             "extensionAttributeCollectionAllowed": False, "inventoryDisplay": "General"}],
        "sharedIpad": False, "lastBackupDate": None, "deviceLocatorServiceEnabled": rng.random() < 0.7, "doNotDisturbEnabled": False,
        "cloudBackupEnabled": d["backupEnabled"],
        "lastCloudBackupDate": iso(d["lastBackup"]) if d["lastBackup"] is not None else None,
        "itunesStoreAccountActive": rng.random() < 0.8, "exchangeDeviceId": "".join(rng.choice(HEX) for _ in range(32)),
    }
    if rng.random() < 0.03:
        del general["cloudBackupEnabled"]  # an older Jamf Pro, or a device that never reported it
    hardware = {
        "capacityMb": d["capacity"] * 953, "availableSpaceMb": int(d["available"] * 953),
        "usedSpacePercentage": int(100 - 100 * d["available"] / d["capacity"]),
        "batteryLevel": -1 if d["battery"] < 0 else int(round(d["battery"] * 100)),
        "batteryHealth": rng.choice(["NORMAL", "NORMAL", "NORMAL", "SERVICE_RECOMMENDED", "UNKNOWN"]),
        "serialNumber": d["serial"], "wifiMacAddress": d["wifi"], "bluetoothMacAddress": d["bluetooth"],
        "modemFirmwareVersion": "%d.%02d.%02d" % (rng.randint(1, 9), rng.randint(0, 99), rng.randint(0, 99)),
        "model": model[1], "modelIdentifier": model[0], "modelNumber": model[2].split("/")[0],
        "extensionAttributes": [
            {"id": "4", "name": "Screen protector", "type": "STRING", "value": [rng.choice(["yes", "no"])],
             "extensionAttributeCollectionAllowed": False, "inventoryDisplay": "Hardware"}],
    }
    return {"mobileDeviceId": str(number), "deviceType": "iOS", "hardware": hardware, "general": general}


def write_mdm(rng, count, out):
    os.makedirs(out, exist_ok=True)
    for _ in range(count):
        d = device(rng)
        binary = rng.random() < 0.5
        with open(os.path.join(out, d["udid"] + ".plist"), "wb") as f:
            plistlib.dump(mdm_response(rng, d), f, fmt=plistlib.FMT_BINARY if binary else plistlib.FMT_XML,
                          sort_keys=True)


def write_jamf(rng, count, out):
    with open(out, "w", encoding="utf-8") as f:
        f.write('{"totalCount": %d, "results": [' % count)
        for number in range(1, count + 1):
            f.write("\n  " if number == 1 else ",\n  ")
            f.write(json.dumps(jamf_result(rng, device(rng), number), ensure_ascii=False, separators=(",", ":")))
        f.write("\n]}\n")


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--from", dest="source", choices=["mdm", "jamf"], required=True)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--out", required=True, help="mdm: a folder; jamf: a file")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv[1:])
    rng = random.Random(args.seed)
    (write_mdm if args.source == "mdm" else write_jamf)(rng, args.count, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
