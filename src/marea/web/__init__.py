"""The web dashboard: server-rendered pages over the store, charts drawn in the browser."""
