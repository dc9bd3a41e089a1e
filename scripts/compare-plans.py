#!/usr/bin/env python3
"""Compares two `batch` outputs line by line: the Java CLI's and scripts/plans.py's.

Usage:
    python3 scripts/compare-plans.py [--keep-alternative] [--strict-errors] JAVA_OUT PY_OUT

Before comparing, removes from both sides each action's "because" (only the rules engine has it),
and each action's "alternativeTo" (--keep-alternative keeps it). The rest, the plan's "id"
included, is compared as text, so the
field order and the escaping count too. Two error lines ({"line": N, "error": ...}) count as equal
whatever their messages say, unless --strict-errors. Prints the first difference (line, action,
field) and exits 1, or prints how many lines agree and exits 0.

On a generated fleet, with every snapshot field the reader knows:
    mvn -q package -DskipTests && mvn -q dependency:build-classpath -Dmdep.outputFile=cp.txt
    python3 scripts/generate-fleet.py 20000 1 > /tmp/g.jsonl
    java -cp target/classes:$(cat cp.txt) dev.backupdoctor.cli.Main batch /tmp/g.jsonl > /tmp/g.java
    python3 scripts/plans.py /tmp/g.jsonl > /tmp/g.py && python3 scripts/compare-plans.py /tmp/g.java /tmp/g.py
"""

import json
import sys

_decoder = json.JSONDecoder()


def strip_field(text, name):
    """Removes every `,"name":VALUE` (and a leading `"name":VALUE,`) from compact JSON text.

    Inside a JSON string a quote is always escaped, so `,"name":` only occurs as a field."""
    key = ',"%s":' % name
    out = []
    start = 0
    while True:
        at = text.find(key, start)
        if at < 0:
            break
        out.append(text[start:at])
        _, end = _decoder.raw_decode(text, at + len(key))
        start = end
    out.append(text[start:])
    return "".join(out)


def normalise(line, keep_alternative):
    line = line.rstrip("\r\n")
    line = strip_field(line, "because")
    if not keep_alternative:
        line = strip_field(line, "alternativeTo")
    return line


def explain(java, py):
    """Where two normalised lines first differ, in words."""
    try:
        a, b = json.loads(java), json.loads(py)
    except ValueError:
        a = b = None
    if isinstance(a, dict) and isinstance(b, dict):
        if "error" in a or "error" in b:
            return "java: %s\n  py:   %s" % (a.get("error", "(plan)"), b.get("error", "(plan)"))
        if list(a) != list(b):
            return "top-level fields differ: java %s, py %s" % (list(a), list(b))
        for key in a:
            if key != "actions" and a[key] != b[key]:
                return "%s: java %r, py %r" % (key, a[key], b[key])
        ja, pa = a.get("actions", []), b.get("actions", [])
        jids = [(x.get("id"), x.get("kind")) for x in ja]
        pids = [(x.get("id"), x.get("kind")) for x in pa]
        if jids != pids:
            return "actions differ:\n  java: %s\n  py:   %s" % (jids, pids)
        for x, y in zip(ja, pa):
            if list(x) != list(y):
                return "%s: fields java %s, py %s" % (x.get("id"), list(x), list(y))
            for key in x:
                if x[key] != y[key]:
                    return "%s %s.%s:\n  java: %r\n  py:   %r" % (x.get("id"), x.get("kind"), key, x[key], y[key])
    for i, (p, q) in enumerate(zip(java, py)):
        if p != q:
            return "text differs at column %d:\n  java: ...%s\n  py:   ...%s" % (i + 1, java[max(0, i - 40):i + 60], py[max(0, i - 40):i + 60])
    return "one line is a prefix of the other (lengths %d, %d)" % (len(java), len(py))


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    flags = {a for a in argv[1:] if a.startswith("--")}
    unknown = flags - {"--keep-alternative", "--strict-errors"}
    if len(args) != 2 or unknown or "--help" in flags:
        sys.stderr.write(__doc__)
        return 2
    keep_alternative = "--keep-alternative" in flags
    strict_errors = "--strict-errors" in flags
    lines = errors = 0
    with open(args[0], encoding="utf-8", errors="surrogateescape") as java, \
            open(args[1], encoding="utf-8", errors="surrogateescape") as py:
        while True:
            j, p = java.readline(), py.readline()
            if not j and not p:
                break
            lines += 1
            if not j or not p:
                print("line %d of the outputs: %s ends first" % (lines, "java" if not j else "py"))
                return 1
            jn = normalise(j, keep_alternative)
            pn = normalise(p, keep_alternative)
            if jn == pn:
                if '"error":' in jn[:40]:
                    errors += 1
                continue
            if not strict_errors and jn.startswith('{"line":') and pn.startswith('{"line":'):
                jo, po = json.loads(jn), json.loads(pn)
                if "error" in jo and "error" in po and jo["line"] == po["line"]:
                    errors += 1
                    continue
            number = json.loads(jn).get("line", "?") if jn.startswith("{") else "?"
            print("output line %d (input line %s) differs: %s" % (lines, number, explain(jn, pn)))
            return 1
    print("%d lines agree (%d of them error lines)" % (lines, errors))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
