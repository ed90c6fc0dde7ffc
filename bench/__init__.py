"""mentorlog's benchmark: `make bench` (never part of `make test`)."""
