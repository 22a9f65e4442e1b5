"""Content checks, one module per concern; sitegen.content_checks runs them all."""
