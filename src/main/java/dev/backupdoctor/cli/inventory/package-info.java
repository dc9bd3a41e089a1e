/**
 * The command line's device-management inventories, {@code --from mdm} (Apple MDM DeviceInformation
 * responses, read with the optional dd-plist) and {@code --from jamf} (Jamf Pro's inventory JSON):
 * found in files, folders and standard input, record by record, and mapped to snapshots of what
 * they know. {@code import} writes the snapshots; {@code batch} and {@code report} diagnose them.
 */
package dev.backupdoctor.cli.inventory;
