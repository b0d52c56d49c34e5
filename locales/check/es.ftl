# What `visitprep check` says about an intake file, in Spanish.
