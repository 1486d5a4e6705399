"""Actors: a knowledge base of countries, people, parties and organisations, and linking."""
