#!/usr/bin/env python3
"""`make lint`: the core's modules import only downwards, and no crate has a module cycle.

Reads the `crate::NAME` paths of non-test code (`#[cfg(test)]` modules, `*_test.rs`
files, `tests/` and `benches/` are skipped) to build each crate's graph of top-level
modules. For `crates/core` every top-level module must be in LAYERS below, and may
import only modules of its own layer or of layers beneath it; inside a layer the
imports must not form a cycle. Every other crate must simply have no module cycle.
Exits 1 and says which import breaks the rule.
"""

import os
import re
import sys

# The core, bottom-up. A new module goes in the lowest layer whose modules are all it
# needs (README, "Architecture").
LAYERS = [
    # Foundations: no store, no domain.
    ["error", "clock", "text", "files", "logging", "money", "secrets"],
    # The SQLite file and the key/value settings table.
    ["store", "settings"],
    # Generic services over the store: explanations, the failsafe, time-bucketed rollups.
    ["explain", "failsafe", "rollup"],
    # The record of runs (executions, usage, prices) and the job tracker.
    ["ledger", "tracker"],
    # Reading runs back: monitoring, then cost and notices over it; mail sources;
    # telemetry (stored runs exported as OpenTelemetry spans).
    ["monitor", "cost", "notices", "mail", "telemetry"],
    # The agent runtime, LLM client, tools and agents.
    ["agent"],
    # What the CLI and the app call, and the schema that orders every migration.
    ["service", "schema"],
]


def crate_roots(root):
    for dirpath, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d not in ("target", "node_modules", ".git", "tests", "benches")]
        if os.path.basename(dirpath) == "src" and ("lib.rs" in files or "main.rs" in files):
            yield dirpath


def strip_tests(text):
    """Drops `#[cfg(test)] mod x { ... }` blocks (brace counting) and line comments."""
    out, i = [], 0
    for m in re.finditer(r"#\[cfg\(test\)\]\s*(pub\s+)?mod\s+\w+\s*\{", text):
        if m.start() < i:
            continue
        out.append(text[i : m.start()])
        depth, j = 1, m.end()
        while j < len(text) and depth:
            depth += {"{": 1, "}": -1}.get(text[j], 0)
            j += 1
        i = j
    out.append(text[i:])
    return re.sub(r"//[^\n]*", "", "".join(out))


def graph(src):
    """Top-level module -> {imported top-level module: first file that imports it}."""
    mods = {}
    for dirpath, _, files in os.walk(src):
        for f in files:
            if not f.endswith(".rs"):
                continue
            rel = os.path.relpath(os.path.join(dirpath, f), src)
            top = rel.split(os.sep)[0].removesuffix(".rs")
            if top in ("lib", "main"):
                continue
            mods.setdefault(top, []).append(os.path.join(dirpath, f))
    edges = {m: {} for m in mods}
    for m, paths in mods.items():
        for p in sorted(paths):
            if p.endswith("_test.rs") or os.sep + "tests" + os.sep in p:
                continue
            with open(p, encoding="utf-8", errors="replace") as fh:
                t = strip_tests(fh.read())
            names = set(re.findall(r"\bcrate::(\w+)", t))
            for grp in re.findall(r"\bcrate::\{([^}]*)\}", t):
                names |= set(re.findall(r"(?:^|,)\s*(\w+)", grp))
            for n in names:
                if n in mods and n != m:
                    edges[m].setdefault(n, p)
    return edges


def cycles(g):
    """Strongly connected groups of two or more modules (Tarjan)."""
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in g[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(g):
        if v not in index:
            visit(v)
    return out


def main(root):
    problems = []
    for src in sorted(crate_roots(root)):
        rel = os.path.relpath(src, root)
        g = graph(src)
        for comp in cycles(g):
            problems.append(f"{rel}: module cycle {' <-> '.join(comp)}")
        if rel != os.path.join("crates", "core", "src"):
            continue
        layer = {m: i for i, names in enumerate(LAYERS) for m in names}
        for m in sorted(g):
            if m not in layer:
                problems.append(f"{rel}: module `{m}` is in no layer; add it to LAYERS in {sys.argv[0]}")
        for m, targets in sorted(g.items()):
            for n, path in sorted(targets.items()):
                if m in layer and n in layer and layer[n] > layer[m]:
                    problems.append(
                        f"{os.path.relpath(path, root)}: `{m}` (layer {layer[m]}) imports `{n}` (layer {layer[n]}), a layer above it"
                    )
    for p in problems:
        print(p)
    print(f"layers: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "."))
