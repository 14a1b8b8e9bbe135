"""Charts: pyqtgraph widgets that only draw the series the domain builds, and their style."""
