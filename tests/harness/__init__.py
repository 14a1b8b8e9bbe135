"""The crash-safety harness: writer processes killed at random, and the checks after."""
