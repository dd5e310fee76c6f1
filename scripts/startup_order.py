#!/usr/bin/env python3
"""Helpers of scripts/startup-order.sh.

fill DB N: N runs of the three agents over the last six days, as the bench's store.
list BINARY OUT PROFILE...: the functions of BINARY the callgrind PROFILEs ran, in the
order they first ran, one symbol per line, into OUT; prints what it wrote and how much
of the list before it still names functions of the binary.
"""

import re
import sqlite3
import subprocess
import sys
import time


def fill(db: str, n: int) -> None:
    now = int(time.time() * 1000)
    step = 6 * 86_400_000 // n
    agents = ["email-analyst", "job-match", "follow-up"]
    con = sqlite3.connect(db)
    with con:
        con.executemany(
            "INSERT INTO executions (request_id, agent, engine, model, started_at, ended_at, duration_us, success,"
            " input_tokens, cached_input_tokens, output_tokens, llm_calls, cost_nanos)"
            " VALUES (?, ?, 'llm', 'gpt-4o-mini', ?, ? + 900, ?, ?, 1200, 200, 300, 1, ?)",
            (
                (f"order-{i}", agents[i % 3], now - (n - i) * step, now - (n - i) * step,
                 200_000 + (i * 7919) % 2_000_000, i % 17 != 0, 360_000 + (i % 50) * 1000)
                for i in range(n)
            ),
        )
    con.close()


# A callgrind line naming an object or function: `ob=(3) /path`, `cfn=(12) name`, or
# the short form `fn=(12)` once the name has been given.
NAMED = re.compile(r"(c?ob|c?fn)=\((\d+)\)(?: (.*))?")


def ran(profile: str, binary: str) -> list[str]:
    """Functions of `binary` in a callgrind profile, by first appearance."""
    objects: dict[str, str] = {}
    functions: dict[str, str] = {}
    current = None
    seen: list[str] = []
    for line in open(profile, errors="replace"):
        m = NAMED.match(line.rstrip("\n"))
        if not m:
            continue
        kind, key, name = m.groups()
        table = objects if kind.endswith("ob") else functions
        if name:
            table[key] = name
        if kind == "ob":
            current = objects.get(key)
        elif kind == "fn" and current == binary:
            # callgrind marks recursion depths as `name'2`.
            seen.append(functions[key].split("'")[0])
    return seen


def code_symbols(binary: str) -> dict[str, int]:
    out = subprocess.run(["nm", "--defined-only", "-S", "-P", binary], capture_output=True, text=True, check=True).stdout
    sizes = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[1] in "tT":
            sizes[parts[0]] = int(parts[3], 16)
    return sizes


def list_order(binary: str, out: str, profiles: list[str]) -> None:
    sizes = code_symbols(binary)
    if not sizes:
        sys.exit(f"startup-order: {binary} has no symbol table (build it with JOBTRAIL_KEEP_SYMBOLS=1)")
    order: dict[str, None] = {}
    for profile in profiles:
        for name in ran(profile, binary):
            if name in sizes:
                order.setdefault(name)
    try:
        before = [line.strip() for line in open(out) if line.strip()]
    except FileNotFoundError:
        before = []
    with open(out, "w") as f:
        f.write("".join(f"{name}\n" for name in order))
    code = sum(sizes.values())
    first = sum(sizes[n] for n in order)
    still = sum(1 for n in before if n in sizes)
    print(f"startup-order: {len(order)} functions, {first / 2**20:.2f} MiB of {code / 2**20:.2f} MiB of code, into {out}")
    if before:
        print(f"startup-order: the list before named {len(before)} functions, {still} of them still in the binary")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "fill":
        fill(sys.argv[2], int(sys.argv[3]))
    elif len(sys.argv) >= 5 and sys.argv[1] == "list":
        list_order(sys.argv[2], sys.argv[3], sys.argv[4:])
    else:
        sys.exit(__doc__)
