"""The seed API over HTTP: the endpoints of seeds 000 and 001 for web and phone clients.

Each request is one call into `bookshop_gui.services`, so the rules, the
transactions and the permissions are the ones the windows use; this package
only turns requests into calls and results (or errors) into the seeds'
answers. It needs the optional `server` extra (FastAPI and uvicorn).
"""
