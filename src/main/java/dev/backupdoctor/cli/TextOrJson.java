package dev.backupdoctor.cli;

/** The {@code --format} of {@code diagnose} and {@code catalog}: text for a person, or JSON. Lower case, as the command line spells them. */
enum TextOrJson { text, json }
