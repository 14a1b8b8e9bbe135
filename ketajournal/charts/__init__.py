"""Charts: pure series builders (``series``) and pyqtgraph widgets that only draw them."""
