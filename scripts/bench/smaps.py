#!/usr/bin/env python3
"""Where a process's resident memory is: /proc/PID/smaps summed by what is mapped.

  smaps.py PID [TOP=25]

Groups: [heap] and other anonymous memory (malloc's arenas, thread stacks, Qt's pixmaps), each
shared library (its code and data pages, file-backed: shared with other processes using it,
yet counted in RSS), fonts, and the rest. Prints Rss and its private part in KiB, largest first,
and the totals VmRSS reports."""
import collections
import re
import sys


def main():
    pid = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    rss = collections.Counter()
    private = collections.Counter()
    name = None
    header = re.compile(r"^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$")
    with open("/proc/%s/smaps" % pid) as smaps:
        for line in smaps:
            match = header.match(line)
            if match:
                path = match.group(1).strip()
                if not path:
                    name = "[anonymous]"
                elif path.startswith("/"):
                    base = path.rsplit("/", 1)[-1]
                    name = "[fonts]" if "/fonts/" in path or base.endswith(".cache-8") else base
                else:
                    name = path
                continue
            field, _, value = line.partition(":")
            if field == "Rss":
                rss[name] += int(value.split()[0])
            elif field in ("Private_Clean", "Private_Dirty"):
                private[name] += int(value.split()[0])
    total = sum(rss.values())
    print("%-40s %9s %9s" % ("mapping", "Rss KiB", "private"))
    for mapping, kib in rss.most_common(top):
        print("%-40s %9d %9d" % (mapping[:40], kib, private[mapping]))
    rest = total - sum(kib for _, kib in rss.most_common(top))
    print("%-40s %9d" % ("(the rest)", rest))
    print("%-40s %9d %9d  (%.1f MiB)" % ("total", total, sum(private.values()), total / 1024))


main()
