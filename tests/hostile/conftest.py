from tests.hostile.harness import hostile_built, repo  # noqa: F401  (fixtures)
