"""mentorlog: a private, local-first mentorship journal for mentees."""

__version__ = "0.1.0"
