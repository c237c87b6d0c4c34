"""The server in front of the app: the access gate (ASGI middleware), its sign-in page, and who a request is from."""
