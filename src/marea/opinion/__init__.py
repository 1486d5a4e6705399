"""Opinion: tone, themes, stance, framing, claims and narratives."""
