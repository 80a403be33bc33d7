"""The three example queries the README shows (KAIST's collaborators with evidence; the path
between AWS and PASQAL; agreements signed in 2024 or later), kept in one place so the test
that runs them and ``docs/queries.md`` stay the same."""

from __future__ import annotations

__all__ = ["QUERIES"]

QUERIES = {
    "kaist": """{
  actor(name: "KAIST") {
    ... on Actor {
      name
      collaborators(depth: 1) {
        actor { name type }
        links {
          type
          agreement { kind title date }
          evidence { sentence confidence document { title } }
        }
      }
    }
  }
}""",
    "path": """{
  paths(from: "AWS", to: "PASQAL", maxHops: 4, first: 3) {
    ... on Paths {
      found
      message
      paths {
        length
        nodes { name }
        hops { type source { name } target { name } agreement { kind } evidence { sentence } }
      }
    }
    ... on ActorNotFound { message }
  }
}""",
    "agreements": """{
  agreements(filter: { from: "2024" }) {
    totalCount
    nodes { kind title date status parties { name } place { name } evidence { sentence } }
  }
}""",
}
