#!/usr/bin/env python3
"""Writes the sample Apple MDM DeviceInformation responses in examples/inventories/mdm.

Run from the project folder: python3 scripts/make-mdm-samples.py
Each file is one acknowledged response, as an MDM server receives it, with the QueryResponses keys
of Apple's device-management schema (mdm/commands/information.device.yaml). Backup dates count back
from 2026-11-26T00:00:00Z, the --as-of the docs use. One file is a binary property list.
"""
import plistlib, datetime, uuid
# plistlib (3.11) takes naive datetimes as UTC.
asof=datetime.datetime(2026,11,26)
def resp(udid, q):
    return {"CommandUUID": str(uuid.uuid5(uuid.NAMESPACE_DNS, udid)).upper(), "QueryResponses": q, "Status": "Acknowledged", "UDID": udid}
devices = [
 ("iphone-14-pro-backed-up-last-night", False, resp("00008120-001A2B3C4D5E6F01", {
    "SerialNumber":"F2LXK0QH0D", "ProductName":"iPhone15,2", "OSVersion":"26.1", "IsCloudBackupEnabled":True,
    "LastCloudBackupDate": asof-datetime.timedelta(hours=7, minutes=12), "BatteryLevel":0.85, "DeviceName":"Sales iPhone 07", "ModelName":"iPhone"})),
 ("iphone-12-backup-switched-off", False, resp("00008101-000C1D2E3F405A02", {
    "SerialNumber":"C39ZK1ABN72J", "ProductName":"iPhone13,2", "OSVersion":"17.6.1", "IsCloudBackupEnabled":False,
    "BatteryLevel":0.425, "DeviceName":"Warehouse scanner 3", "ModelName":"iPhone"})),
 ("iphone-8-stale-backup", False, resp("f3a9c2e07b6d41858e0c4a5d2b1e9f7a6c3d8e21", {
    "SerialNumber":"F17VX2HJJC6F", "ProductName":"iPhone10,4", "OSVersion":"16.7.10", "IsCloudBackupEnabled":True,
    "LastCloudBackupDate": asof-datetime.timedelta(days=41, hours=3), "BatteryLevel":-1.0, "DeviceName":"Front desk", "ModelName":"iPhone"})),
 ("iphone-15-week-old-backup", True, resp("00008120-0016594E2E08A03C", {
    "SerialNumber":"HX7Q4M2N9P", "ProductName":"iPhone15,4", "OSVersion":"26.0.1", "IsCloudBackupEnabled":True,
    "LastCloudBackupDate": asof-datetime.timedelta(days=9, hours=5), "BatteryLevel":0.18, "DeviceName":"Field tech 12", "ModelName":"iPhone"})),
 ("iphone-newer-than-the-table", False, resp("00008140-00A1B2C3D4E5F612", {
    "SerialNumber":"KQ2W7ZP3XR", "ProductName":"iPhone19,1", "OSVersion":"26.1", "IsCloudBackupEnabled":True,
    "LastCloudBackupDate": asof-datetime.timedelta(days=3, hours=2), "BatteryLevel":1, "DeviceName":"New hire 41", "ModelName":"iPhone"})),
 ("ipad-air-skipped", False, resp("00008103-001E4D6A3C20801E", {
    "SerialNumber":"DMPZ93KLQ1GC", "ProductName":"iPad13,16", "OSVersion":"26.1", "IsCloudBackupEnabled":True,
    "LastCloudBackupDate": asof-datetime.timedelta(days=2), "BatteryLevel":0.6, "DeviceName":"Meeting room iPad", "ModelName":"iPad"})),
]
for name, binary, d in devices:
    with open(f"examples/inventories/mdm/{name}.plist","wb") as f:
        plistlib.dump(d, f, fmt=plistlib.FMT_BINARY if binary else plistlib.FMT_XML, sort_keys=True)
