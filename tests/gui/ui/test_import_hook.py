"""PySide6's import hook: the same answer from the module's file, and only where it knows it."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import types
from pathlib import Path

import PySide6.QtCore  # noqa: F401  # the hook exists once PySide6 is imported

from ketajournal.ui import import_hook


def _module_from(path: Path, name: str) -> types.ModuleType:
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    return module


def test_the_answer_is_the_original_ones_for_files_with_and_without_pyside(
    tmp_path: Path,
) -> None:
    feature = sys.modules[import_hook.FEATURE_MODULE]
    original = getattr(feature, import_hook.FUNCTION)
    original = getattr(original, "__wrapped__", original)
    fast = import_hook.uses_pyside_by_file(original)
    cases = {
        "qt_user.py": "from PySide6.QtCore import QObject\n",
        "plain.py": "import json\n",
        "latin.py": "# -*- coding: latin-1 -*-\n# caf\xe9\nimport PySide6\n",
        "mention.py": '"""Not a Qt module, but says PySide6 in its docstring."""\n',
    }
    for name, text in cases.items():
        path = tmp_path / name
        encoding = "latin-1" if name == "latin.py" else "utf-8"
        path.write_text(text, encoding=encoding)
        module = _module_from(path, name.removesuffix(".py"))
        module.__file__ = str(path)
        assert fast(module) is original(module), name
    # No file: the original decides (here: a module made in memory has no source).
    memory = types.ModuleType("made_in_memory")
    assert fast(memory) is original(memory) is False
    # A file that went away reads as no source, as inspect's OSError does.
    gone = _module_from(tmp_path / "gone.py", "gone")
    assert fast(gone) is False


def test_it_is_put_in_place_once_and_only_over_the_function_it_knows() -> None:
    code = textwrap.dedent(
        """
        import sys
        import PySide6.QtCore
        from ketajournal.ui import import_hook
        feature = sys.modules[import_hook.FEATURE_MODULE]
        before = getattr(feature, import_hook.FUNCTION)
        assert import_hook.speed_up() and import_hook.speed_up()
        after = getattr(feature, import_hook.FUNCTION)
        assert after is not before and after.__wrapped__ is before
        # A module imported now is still classified: it uses PySide or it is ignored.
        # (The hook sees the module each import statement returns.)
        from ketajournal.ui.first_paint import PaintWatch
        from ketajournal.errors import KnownError
        assert feature.pyside_feature_dict["ketajournal.ui.first_paint"] == 0
        assert feature.pyside_feature_dict["ketajournal.errors"] == -1
        # Another function there (another PySide6): left alone.
        setattr(feature, import_hook.FUNCTION, lambda module, extra=None: False)
        assert not import_hook.speed_up()
        print("ok")
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok"


def test_without_pyside_nothing_is_changed() -> None:
    code = (
        "import sys\n"
        "from ketajournal.ui import import_hook\n"
        "assert not import_hook.speed_up()\n"
        "assert 'PySide6' not in sys.modules\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]

