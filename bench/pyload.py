#!/usr/bin/python3
"""The check a user would write without fwsim: PyYAML (C loader) + networkx.

    bench/pyload.py FILE

Loads the framework with yaml.CSafeLoader, then
  * collects every id (framework, actors, facts, sanctions, steps, triggers,
    guarantees) and reports duplicates (one namespace, as in the spec);
  * builds a networkx DiGraph with an edge ref -> step for every step or fact id
    referenced in a step's `requires` (recursively through lists, all/any/not/ref)
    and for the window `after`;
  * reports references to unknown ids (in requires, window after, effect/action
    sanctions and actors, trigger `when`, guarantee conditions, step actors);
  * reports a cycle (nx.is_directed_acyclic_graph, nx.find_cycle).
Prints a one-line summary on stdout, problems on stderr; exit 0 if none,
1 on problems, 2 on a load error.

This is deliberately not a full validator (no type/basis/date checks): it is
the cheapest script that answers "are the ids and dependencies sane?".
"""

import sys

import networkx as nx
import yaml

MAX_SHOWN = 20


def refs_of(cond, out):
    """Append every id referenced by a condition to out."""
    if isinstance(cond, str):
        out.append(cond)
    elif isinstance(cond, list):
        for c in cond:
            refs_of(c, out)
    elif isinstance(cond, dict):
        for key in ("all", "any"):
            if key in cond:
                refs_of(cond[key], out)
        if "not" in cond:
            refs_of(cond["not"], out)
        if "ref" in cond:
            r = cond["ref"]
            out.append(r if isinstance(r, str) else str(r))
    elif cond is not None:
        out.append(str(cond))
    return out


def as_list(v):
    if v is None:
        return []
    return v if isinstance(v, list) else [v]


def main():
    if len(sys.argv) != 2:
        print("usage: pyload.py FILE", file=sys.stderr)
        return 2
    path = sys.argv[1]
    try:
        with open(path, "rb") as f:
            doc = yaml.load(f, Loader=yaml.CSafeLoader)
    except (OSError, yaml.YAMLError) as e:
        print("%s: load error: %s" % (path, e), file=sys.stderr)
        return 2
    if not isinstance(doc, dict):
        print("%s: not a mapping" % path, file=sys.stderr)
        return 2

    problems = []

    def problem(msg):
        problems.append(msg)

    def section(name):
        v = doc.get(name)
        return v if isinstance(v, list) else []

    actors, facts, sanctions = section("actors"), section("facts"), section("sanctions")
    steps, triggers, guarantees = section("steps"), section("triggers"), section("guarantees")

    kind = {}  # id -> kind

    def declare(i, k):
        if not isinstance(i, str):
            i = str(i)
        if i in kind:
            problem("duplicate id %s (%s and %s)" % (i, kind[i], k))
        else:
            kind[i] = k

    fw = doc.get("framework")
    if isinstance(fw, dict) and "id" in fw:
        declare(fw["id"], "framework")
    for k, seq in (("actor", actors), ("fact", facts), ("sanction", sanctions),
                   ("step", steps), ("trigger", triggers), ("guarantee", guarantees)):
        for item in seq:
            if isinstance(item, dict) and "id" in item:
                declare(item["id"], k)
            else:
                problem("%s without id" % k)

    def check(ref, want, where):
        k = kind.get(ref)
        if k is None:
            problem("unknown reference %s in %s" % (ref, where))
            return False
        if k not in want:
            problem("%s is a %s, expected %s, in %s" % (ref, k, "/".join(want), where))
            return False
        return True

    def check_actions(actions, where):
        for act in as_list(actions):
            if not isinstance(act, dict):
                continue
            for x in as_list(act.get("lift")) + as_list(act.get("suspend")):
                check(str(x), ("sanction",), where)
            for a in as_list(act.get("by")):
                check(str(a), ("actor",), where)
            if "if" in act:
                for r in refs_of(act["if"], []):
                    check(r, ("step", "fact"), where)

    g = nx.DiGraph()
    cond_kinds = ("step", "fact")
    for st in steps:
        if not isinstance(st, dict) or "id" not in st:
            continue
        s = str(st["id"])
        g.add_node(s)
        where = "step " + s
        for a in as_list(st.get("actor")):
            check(str(a), ("actor",), where)
        if "requires" in st:
            for r in refs_of(st["requires"], []):
                if check(r, cond_kinds, where):
                    g.add_edge(r, s)
        win = st.get("window")
        if isinstance(win, dict) and "after" in win:
            r = str(win["after"])
            if check(r, ("step",), where + " window"):
                g.add_edge(r, s)
        check_actions(st.get("effects"), where + " effects")
    for sa in sanctions:
        if isinstance(sa, dict):
            for a in as_list(sa.get("imposed_by")):
                check(str(a), ("actor",), "sanction %s" % sa.get("id"))
    for tr in triggers:
        if isinstance(tr, dict):
            where = "trigger %s" % tr.get("id")
            for r in refs_of(tr.get("when"), []):
                check(r, cond_kinds, where)
            check_actions(tr.get("actions"), where)
    for gu in guarantees:
        if isinstance(gu, dict):
            where = "guarantee %s" % gu.get("id")
            during = gu.get("during") if isinstance(gu.get("during"), dict) else {}
            for c in (during.get("from"), during.get("until"), gu.get("holds")):
                for r in refs_of(c, []):
                    check(r, cond_kinds, where)

    if not nx.is_directed_acyclic_graph(g):
        cyc = nx.find_cycle(g)
        problem("cycle: " + " -> ".join([u for u, _ in cyc] + [cyc[0][0]]))

    for p in problems[:MAX_SHOWN]:
        print("%s: %s" % (path, p), file=sys.stderr)
    if len(problems) > MAX_SHOWN:
        print("%s: ... %d more" % (path, len(problems) - MAX_SHOWN), file=sys.stderr)
    print("pyload: %s: %d steps, %d facts, %d sanctions, %d triggers, %d guarantees; "
          "graph %d nodes %d edges; %d problem(s)"
          % (path, len(steps), len(facts), len(sanctions), len(triggers), len(guarantees),
             g.number_of_nodes(), g.number_of_edges(), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
