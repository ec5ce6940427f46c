#!/usr/bin/env python3
"""A small client of `fleetcast serve`, using only the Python standard library.

    export FLEETCAST_TOKEN=...            # when the server was started with a token
    python3 fleetcast_client.py project models/scenarios/amd-openai-6gw.yaml
    python3 fleetcast_client.py monte-carlo models/scenarios/amd-openai-6gw.yaml --runs 500
    python3 fleetcast_client.py --url http://127.0.0.1:8421 health

`project` prints every deployment's resolved count and the headline totals; `monte-carlo` starts a job,
polls its progress and prints the P10/P50/P90 of the summary figures. Errors print the server's located
problems (line:column: path: message) and exit with code 2.
"""
import argparse
import json
import os
import sys
import time
import urllib.error
import urllib.request


def call(url, token, method, path, body=None, content_type="application/json"):
    """Sends one request; returns the decoded JSON answer, or exits 2 printing the server's problems."""
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode("utf-8"))
    req = urllib.request.Request(url.rstrip("/") + path, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", content_type)
    if token:
        req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=120) as resp:
            return json.load(resp)
    except urllib.error.HTTPError as e:
        try:
            answer = json.load(e)
        except ValueError:
            answer = {"problems": [{"line": 0, "column": 0, "path": "", "message": e.reason}]}
        for p in answer.get("problems", []):
            where = "%d:%d: " % (p["line"], p["column"]) if p.get("line") else ""
            path_ = p["path"] + ": " if p.get("path") else ""
            print("error %d: %s%s%s" % (e.code, where, path_, p["message"]), file=sys.stderr)
        sys.exit(2)


def project(args):
    with open(args.scenario, "rb") as f:
        doc = call(args.url, args.token, "POST", "/v1/projections?mode=" + args.mode, f.read(), "application/yaml")
    print("%s (%s mode)" % (doc["scenario"]["name"], doc["provenance"]["mode"]))
    for d in doc["sizing"]:
        print("  %-24s %-12s %12d accelerators  %10.1f MW facility" % (d["id"], d["accelerator"], d["count"], d["facility_mw"]))
    totals = doc["summary"]["totals"]
    print("  cash %.4g USD, tco %.4g USD, energy %.4g MWh" % (totals["cash_usd"], totals["tco_usd"], totals["energy_mwh"]))


def monte_carlo(args):
    with open(args.scenario, "r", encoding="utf-8") as f:
        job = call(args.url, args.token, "POST", "/v1/monte-carlo", {"scenario": f.read(), "runs": args.runs})
    while job["status"] in ("queued", "running"):
        eta = job.get("eta_seconds")
        print("  %s: %d/%d runs%s" % (job["status"], job["runs_done"], job["runs"],
                                      "" if eta is None else ", %.1f s left" % eta), file=sys.stderr)
        time.sleep(0.5)
        job = call(args.url, args.token, "GET", "/v1/jobs/" + job["id"])
    if job["status"] != "done":
        print("job %s: %s" % (job["status"], job.get("error")), file=sys.stderr)
        sys.exit(1)
    quantiles = job["result"]["summary"]["quantiles"]
    probs = quantiles["probabilities"]
    print("figure".ljust(28) + "".join(("P%g" % (p * 100)).rjust(14) for p in probs))
    for name in ("total.cash_usd", "total.tco_usd", "total.energy_mwh", "peak.facility_power_mw"):
        if name in quantiles:
            print(name.ljust(28) + "".join(("%.4g" % v).rjust(14) for v in quantiles[name]))


def main():
    parser = argparse.ArgumentParser(description="Client of fleetcast serve (standard library only).")
    parser.add_argument("--url", default="http://127.0.0.1:8421")
    parser.add_argument("--token", default=os.environ.get("FLEETCAST_TOKEN"))
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("health")
    p = sub.add_parser("project")
    p.add_argument("scenario")
    p.add_argument("--mode", default="expected", choices=["expected", "simulate"])
    m = sub.add_parser("monte-carlo")
    m.add_argument("scenario")
    m.add_argument("--runs", type=int, default=1000)
    args = parser.parse_args()
    if args.command == "health":
        print(json.dumps(call(args.url, args.token, "GET", "/v1/health")))
    elif args.command == "project":
        project(args)
    else:
        monte_carlo(args)


if __name__ == "__main__":
    main()
