"""Starts moto's emulator for the tests, answering one request at a time.

moto checks the condition of a conditional PutObject (If-Match, If-None-Match) and stores the object in separate
steps, and its own `moto_server` serves every request on a thread of its own, so two racing writes can both pass
the check: two of thirteen runs of S3StateRaceTest on a 2-core machine saw two lock holders or a lost update. S3 applies each
conditional write atomically, and the race tests rely on exactly that. Here one lock is held around each request
(connections are still served on threads), which gives the emulator that guarantee.

Usage: python3 src/test/moto/moto_server.py -H 127.0.0.1 -p PORT
"""
import argparse
import os
import signal
import sys
import threading

from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
from werkzeug.serving import run_simple


def one_request_at_a_time(app):
    lock = threading.Lock()

    def serve(environ, start_response):
        with lock:
            response = app(environ, start_response)
            try:
                # the whole answer is made while the lock is held
                return [b"".join(response)]
            finally:
                if hasattr(response, "close"):
                    response.close()

    return serve


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-H", "--host", default="127.0.0.1")
    parser.add_argument("-p", "--port", type=int, required=True)
    args = parser.parse_args()
    # moto builds some URLs (Lambda's, for one) from the port it is told it runs on
    os.environ.setdefault("MOTO_PORT", str(args.port))
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
    run_simple(args.host, args.port, one_request_at_a_time(DomainDispatcherApplication(create_backend_app)),
               threaded=True)


if __name__ == "__main__":
    main()
