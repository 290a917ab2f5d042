#!/usr/bin/env python3
"""Writes a pool of unique, correctly signed TitanCard deliveries for wrk: one per line,
"<signature>\t<body>". Signed here with Python's hmac, independently of the service's code.

usage: generate.py COUNT SECRET OUT [BODY_BYTES] [ID_PREFIX]
"""
import hashlib
import hmac
import json
import sys

count, secret, out = int(sys.argv[1]), sys.argv[2].encode(), sys.argv[3]
size = int(sys.argv[4]) if len(sys.argv) > 4 else 1024
prefix = sys.argv[5] if len(sys.argv) > 5 else "bench"
key = hmac.new(secret, digestmod=hashlib.sha256)
statuses = ["new", "contacted", "qualified"]
with open(out, "w") as f:
    for i in range(count):
        data = {
            "id": "%s-%d" % (prefix, i), "first_name": "Jane", "last_name": "Doe %d" % i, "full_name": "Jane Doe %d" % i,
            "email": "jane.%d@example.com" % i, "phone": "+1-555-%07d" % i, "company": "Tech Corp",
            "title": "Product Manager", "website": "https://techcorp.com", "linkedin": "https://linkedin.com/in/%s%d" % (prefix, i),
            "tags": ["conference", "product"], "source": "qr_scan", "direction": "inbound",
            "status": statuses[i % 3], "meeting_event": "TechCrunch Disrupt 2026", "meeting_date": 1705420800000,
            "created_at": 1705420800000, "notes": "",
        }
        body = {"event": "connection.created", "timestamp": 1705420800000 + i, "data": data}
        text = json.dumps(body, separators=(",", ":"))
        pad = size - len(text.encode())
        if pad > 0:
            data["notes"] = "x" * pad
            text = json.dumps(body, separators=(",", ":"))
        mac = key.copy()
        mac.update(text.encode())
        f.write("sha256=" + mac.hexdigest() + "\t" + text + "\n")
