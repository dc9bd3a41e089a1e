#!/usr/bin/env python3
"""Deletes each built-in rule in turn and runs the core tests: every deletion must make one fail.

Works on a copy of the committed tree (git archive HEAD), so the checkout is never touched.
Usage: scripts/rule-mutation.py [RULE_NAME...]   (needs python3 and git; about 15 s a rule)
With rule names, deletes only those rules (a quick check after a change to how rules are written).
"""
import glob
import os
import re
import subprocess
import sys
import tempfile

TESTS = "CatalogTest*,ExplainTest,PlanInvariantProperties"

copy = tempfile.mkdtemp(prefix="rule-mutation-")
archive = subprocess.run(["git", "archive", "HEAD"], check=True, capture_output=True).stdout
subprocess.run(["tar", "-x", "-C", copy], input=archive, check=True)
os.chdir(copy)

only = set(sys.argv[1:])
survivors = 0
for path in sorted(glob.glob("rules/*.drl")):
    original = open(path).read()
    for rule in re.finditer(r'(?ms)^rule "([^"]+)".*?^end\s*$', original):
        if only and rule.group(1) not in only:
            continue
        with open(path, "w") as drl:
            drl.write(original[:rule.start()] + original[rule.end():])
        run = subprocess.run(["mvn", "-q", "-B", "test", "-Dtest=" + TESTS,
                              "-Dsurefire.failIfNoSpecifiedTests=false"], capture_output=True)
        caught = run.returncode != 0
        survivors += not caught
        print(("caught  " if caught else "SURVIVED") + f"  {path}  {rule.group(1)}", flush=True)
        with open(path, "w") as drl:
            drl.write(original)
sys.exit(1 if survivors else 0)
