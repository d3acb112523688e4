#!/usr/bin/env python3
"""The Python peer for `bench/export.sh`: a plain renderer of the same postings
with jinja2 and python-markdown, writing md, html and JSON-LD per posting and an
index page, as `jobpost export` does. It merges each posting over its role
preset's chain (lists with `add` appended) so it does comparable work, but it
checks nothing, respells nothing and lints nothing: a floor for a simple tool,
not a rival.

    python3 bench/peer.py POSTINGS_DIR OUT_DIR
"""
import json
import os
import sys
import tomllib

import jinja2
import markdown

ROLES = os.path.join(os.path.dirname(__file__), "..", "roles")

MD = jinja2.Template(
    """# {{ p.title }}

{{ p.company.name }}{% if p.location.city %} · {{ p.location.city }}{% endif %}

{{ p.purpose }}

## What you will do
{% for d in p.duties.daily %}- {{ d }}
{% endfor %}
## What you need
{% for s in p.skills.required %}- {{ s }}
{% endfor %}
{% if p.pay %}## Pay

{{ p.pay.min }}–{{ p.pay.max }} {{ p.pay.currency }} per {{ p.pay.period }}
{% endif %}"""
)

HTML = jinja2.Environment(autoescape=True).from_string(
    """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ p.title }}</title>
<script type="application/ld+json">{{ jsonld }}</script></head>
<body><main>{{ body }}</main></body></html>
"""
)

INDEX = jinja2.Environment(autoescape=True).from_string(
    """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Jobs</title></head>
<body><table>{% for r in rows %}<tr><td><a href="{{ r.link }}">{{ r.title }}</a></td><td>{{ r.company }}</td></tr>
{% endfor %}</table></body></html>
"""
)

_presets = {}


def preset(role):
    if role not in _presets:
        with open(os.path.join(ROLES, role + ".toml"), "rb") as f:
            data = tomllib.load(f)
        parent = data.get("extends")
        _presets[role] = merge(preset(parent), data) if parent else data
    return _presets[role]


def merge(low, high):
    out = dict(low)
    for k, v in high.items():
        if isinstance(v, dict) and set(v) <= {"add", "remove"} and isinstance(out.get(k), list):
            out[k] = [x for x in out[k] if x not in v.get("remove", [])] + v.get("add", [])
        elif isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = merge(out[k], v)
        else:
            out[k] = v
    return out


def default(o):
    return str(o)


def main(src, out):
    rows = []
    for dirpath, _, files in sorted(os.walk(src)):
        for name in sorted(files):
            if not name.endswith(".toml"):
                continue
            with open(os.path.join(dirpath, name), "rb") as f:
                post = tomllib.load(f)
            p = merge(preset(post["role"]), post) if "role" in post else post
            for key in ("company", "location", "duties", "skills"):
                p.setdefault(key, {})
            rel = os.path.relpath(os.path.join(dirpath, name[:-5]), src)
            target = os.path.join(out, rel)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            md = MD.render(p=p)
            ld = {
                "@context": "https://schema.org",
                "@type": "JobPosting",
                "title": p.get("title"),
                "datePosted": p.get("posted"),
                "hiringOrganization": {"@type": "Organization", "name": p["company"].get("name")},
            }
            ld_text = json.dumps(ld, default=default, indent=2)
            html = HTML.render(p=p, body=markdown.markdown(md), jsonld=ld_text.replace("</", "<\\/"))
            for ext, text in (("md", md), ("html", html), ("jsonld", ld_text)):
                with open(f"{target}.{ext}", "w") as f:
                    f.write(text)
            rows.append({"title": p.get("title"), "company": p["company"].get("name"), "link": rel + ".html"})
    with open(os.path.join(out, "index.html"), "w") as f:
        f.write(INDEX.render(rows=rows))
    with open(os.path.join(out, "index.json"), "w") as f:
        json.dump(rows, f, indent=2)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
