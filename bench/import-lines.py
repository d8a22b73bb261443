#!/usr/bin/env python3
"""Writes N import lines (NDJSON) to stdout: new articles with ~1,000-word Markdown bodies.
   bench/import-lines.py N [prefix] [categories]
Half are drafts, half back-dated publications; the words are made up here, the seed is the
prefix (a new prefix: new titles, so new slugs)."""
import json, random, sys

n = int(sys.argv[1])
prefix = sys.argv[2] if len(sys.argv) > 2 else "wire"
categories = (sys.argv[3] if len(sys.argv) > 3 else "world").split(",")
rng = random.Random(prefix)
syllables = ["ka", "lo", "mi", "ren", "tu", "sa", "vel", "or", "din", "pe", "mar", "sto", "fi", "gal", "nu"]
words = sorted({"".join(rng.choice(syllables) for _ in range(rng.randint(1, 4))) for _ in range(3000)})

def sentence(k):
    s = " ".join(rng.choice(words) for _ in range(k))
    return s[0].upper() + s[1:] + "."

def body():
    parts, count = [], 0
    while count < 1000:
        if count and rng.random() < 0.15:
            parts.append("## " + sentence(5)[:-1])
        k = rng.randint(40, 90)
        para = " ".join(sentence(rng.randint(8, 18)) for _ in range(max(1, k // 12)))
        if rng.random() < 0.3:
            w = rng.choice(words)
            para += f" See **{w}** and [the {w} report](https://example.org/{w})."
        parts.append(para)
        count += len(para.split())
    return "\n\n".join(parts)

for i in range(1, n + 1):
    line = {
        "externalId": f"{prefix}-{i}",
        "title": sentence(rng.randint(5, 10))[:-1],
        "subtitle": sentence(rng.randint(10, 20)),
        "category": categories[i % len(categories)],
        "body": body(),
    }
    if i % 2 == 0:
        line["publishAt"] = f"2020-{(i % 12) + 1:02d}-{(i % 28) + 1:02d}T{i % 24:02d}:00:00Z"
    print(json.dumps(line))
