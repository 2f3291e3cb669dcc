"""The seed API server with the framework's bare "hello" endpoint beside it, for bench_http.

    python tests/bench/_http_server.py DB_URL PORT

`/hello` is what FastAPI and uvicorn cost alone: a POST answered with a
constant by a plain (threadpool) function, as every seed endpoint is.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def main(url: str, port: int) -> None:
    import uvicorn

    from bookshop_gui import db
    from bookshop_gui.server.app import create_app

    db.connect(url)
    app = create_app()

    @app.post("/hello")
    def hello():
        return {"message": "hello"}

    # Clients wait for each other between rounds; a connection kept open meanwhile
    # must not be closed under the next round's first request.
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", timeout_keep_alive=300)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
