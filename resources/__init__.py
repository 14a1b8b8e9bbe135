"""Sources of what ships with ketajournal: the icon masters, translations, screenshots.

``python -m resources.build`` regenerates every derived file (see :mod:`resources.build`).
"""
