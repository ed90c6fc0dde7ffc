"""`mentorlog sync`: the journal on every device, over git, end-to-end encrypted (DESIGN "Sync across devices"). Loaded only by the sync commands."""
