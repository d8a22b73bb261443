"""Prints the feed cursor that reads on from the teaser at a given depth (see feed/Cursor.java)."""
import base64, hashlib, struct, subprocess, sys, uuid
from datetime import datetime, timezone

database, depth = sys.argv[1], int(sys.argv[2])
row = subprocess.run(
    ["psql", "-h", "127.0.0.1", "-U", "postgres", "-At", "-F", "|", "-d", database, "-c",
     "select (extract(epoch from published_at) * 1000000)::bigint, article_id, published_at from newsdesk.teaser"
     " where published_at <= now() order by published_at desc, article_id desc"
     f" offset {depth - 1} limit 1"],
    check=True, capture_output=True, text=True).stdout.strip().split("|")
micros, article, at = int(row[0]), uuid.UUID(row[1]), row[2]
payload = bytes([1, 0]) + struct.pack(">q", micros) + article.bytes
token = payload + hashlib.sha256(payload).digest()[:7]
print(base64.urlsafe_b64encode(token).decode().rstrip("="), at.replace(" ", "T"), article)
