#!/usr/bin/env python3
"""An editor during breaking news: edits the title of one article RATE times a second through the
management API (GET for the ETag, then a merge PATCH with If-Match) on one kept-alive connection,
until killed. Paced by the clock: the n-th edit is due n/RATE s after the start, so a slow answer
is not followed by a full pause as well (the curl loop it replaces slept 1/RATE s after each edit,
and spent most of its time starting processes on a saturated machine). After each edit, OUT holds
one line: "edits p50_ms max_ms" (edits made so far, and the latency of an edit, GET and PATCH).
    bench/editor.py BASE TOKEN ID RATE OUT"""
import http.client
import json
import sys
import time
import urllib.parse

base, token, article, rate, out = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), sys.argv[5]
url = urllib.parse.urlsplit(base)
path = f"/api/v1/manage/articles/{article}"
auth = {"Authorization": f"Bearer {token}"}
connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
latencies = []
start = time.monotonic()


def call(method, headers, body=None):
    connection.request(method, path, body=body, headers={**auth, **headers})
    answer = connection.getresponse()
    answer.read()
    return answer


while True:
    due = start + len(latencies) / rate
    time.sleep(max(0.0, due - time.monotonic()))
    began = time.monotonic()
    etag = call("GET", {}).getheader("ETag")
    title = f"Breaking: the bridge reopens, update {len(latencies) + 1}"
    answer = call("PATCH", {"Content-Type": "application/merge-patch+json", "If-Match": etag},
                  json.dumps({"title": title}))
    if answer.status != 200:
        sys.exit(f"PATCH answered {answer.status}")
    latencies.append((time.monotonic() - began) * 1000)
    ordered = sorted(latencies)
    with open(out, "w") as report:
        report.write(f"{len(ordered)} {ordered[len(ordered) // 2]:.0f} {ordered[-1]:.0f}\n")
