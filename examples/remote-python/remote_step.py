#!/usr/bin/env python3
"""A remote step for Crystallize Server, in Python with the standard library only.

It adds Gaussian noise N(0, sd) to every number of the unit's data and reports the noisy data's mean and
sd as metrics. All randomness comes from the request's ``seed`` (the unit's seed), so a unit gives the same
answer every time it is called: runs with the same seed give the same metrics, and a retried call (same
``Idempotency-Key``) gives the same answer as the first.

    python3 remote_step.py --port 8090        # listens on http://127.0.0.1:8090/

Register it (the service must allow the host: crystallize.remote.allowed-hosts=127.0.0.1):

    curl -XPOST localhost:8080/api/catalog/remote -H 'Content-Type: application/json' -d '{
      "kind": "step", "type": "py.noise", "url": "http://127.0.0.1:8090/",
      "description": "adds N(0, sd) noise (Python)",
      "params": [{"name": "sd", "type": "number", "default": 1, "description": "noise sd"}]}'
"""

import argparse
import json
import random
import statistics
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def noise(request):
    """The step: data, params and seed in; API.md's answer {data, metrics, artifacts, log} out."""
    data = request.get("data")
    sd = request.get("params", {}).get("sd", 1)
    if not isinstance(data, list) or not all(isinstance(x, (int, float)) for x in data):
        raise ValueError("data must be a list of numbers, got " + type(data).__name__)
    if not isinstance(sd, (int, float)) or sd < 0:
        raise ValueError("sd must be a number >= 0, got " + repr(sd))
    rng = random.Random(request["seed"])  # the unit's seed: the only source of randomness
    out = [x + rng.gauss(0, sd) for x in data]
    metrics = {"noisy_mean": statistics.fmean(out) if out else 0.0}
    if len(out) > 1:
        metrics["noisy_sd"] = statistics.stdev(out)
    line = "replicate %s %s: %d numbers, sd=%s" % (request.get("replicate"), request.get("condition"), len(out), sd)
    return {"data": out, "metrics": metrics, "log": [line]}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: the service reuses its connections

    def do_POST(self):
        try:
            request = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
            self.answer(200, "application/json", noise(request))
        except (ValueError, KeyError, TypeError) as e:
            # An RFC 9457 problem: the service puts its detail into the unit's error.
            self.answer(422, "application/problem+json", {"title": "Unprocessable Entity", "status": 422,
                                                          "detail": str(e)})

    def answer(self, status, content_type, body):
        payload = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, fmt, *args):
        pass  # one line per unit would drown the output


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8090, help="0 picks a free port")
    args = parser.parse_args()
    server = ThreadingHTTPServer((args.host, args.port), Handler)
    print("listening on http://%s:%d/" % server.server_address, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
