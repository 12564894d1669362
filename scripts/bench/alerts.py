#!/usr/bin/env python3
"""Benchmark alerts for a real Alertmanager, shaped like a bad day: 14 alert rules, each firing
on many nodes, so the incidents panel groups them by alertname.

  alerts.py URL N            posts N alerts (in chunks)
  alerts.py URL N --change R changes 1 % of them (their summary says revision R): a refresh
                             then finds that many alerts changed and the rest as they were"""
import datetime
import json
import sys
import urllib.request

RULES = [("HighCPU", "critical"), ("DiskFull", "critical"), ("NodeDown", "critical"),
         ("HighMemory", "warning"), ("NetRxErrors", "warning"), ("NetTxErrors", "warning"),
         ("ClockSkew", "warning"), ("SlowDisk", "warning"), ("PodCrashLooping", "warning"),
         ("CertExpiringSoon", "info"), ("QueueBacklog", "info"), ("ReplicationLag", "info"),
         ("HighLatency", "page"), ("FlakyProbe", "sev-weird")]
TEAMS = ["sre", "payments", "platform", "data"]


def alert(i, revision):
    rule, severity = RULES[i % len(RULES)]
    node = i // len(RULES)
    ends = datetime.datetime.utcnow() + datetime.timedelta(days=1)
    summary = "%s on node-%05d" % (rule, node)
    if revision:
        summary += " (revision %d)" % revision
    return {"labels": {"alertname": rule, "severity": severity, "instance": "node-%05d:9100" % node,
                       "team": TEAMS[node % len(TEAMS)], "cluster": "eu-%d" % (node % 3)},
            "annotations": {"summary": summary},
            "endsAt": ends.strftime("%Y-%m-%dT%H:%M:%SZ")}


def post(url, alerts):
    for start in range(0, len(alerts), 5000):
        body = json.dumps(alerts[start:start + 5000]).encode()
        request = urllib.request.Request(url + "/api/v2/alerts", data=body, method="POST",
                                         headers={"Content-Type": "application/json"})
        urllib.request.urlopen(request).read()


def main():
    url, n = sys.argv[1], int(sys.argv[2])
    if "--change" in sys.argv:
        revision = int(sys.argv[sys.argv.index("--change") + 1])
        step = 100  # 1 %: a different hundredth each revision
        post(url, [alert(i, revision) for i in range(revision % step, n, step)])
    else:
        post(url, [alert(i, 0) for i in range(n)])


main()
