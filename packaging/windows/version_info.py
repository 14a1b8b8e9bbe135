"""The Windows version resource of ketajournal.exe, as PyInstaller's version-file text.

``packaging/ketajournal.spec`` writes it from ``ketajournal.__version__`` at build time,
so Explorer's Properties → Details show the version the app reports. Run by path (the
``packaging`` folder is not a Python package: that name belongs to PyPI's ``packaging``).
"""

from __future__ import annotations


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """``"0.1.0"`` → ``(0, 1, 0, 0)``; a pre-release suffix (``0.2.0rc1``) is dropped."""
    numbers: list[int] = []
    for part in version.split(".")[:4]:
        digits = ""
        for char in part:
            if not char.isdigit():
                break
            digits += char
        numbers.append(int(digits or 0))
    while len(numbers) < 4:
        numbers.append(0)
    return numbers[0], numbers[1], numbers[2], numbers[3]


def version_file_text(version: str) -> str:
    """The ``VSVersionInfo`` structure PyInstaller's ``EXE(version=...)`` reads."""
    numbers = version_tuple(version)
    strings = {
        "CompanyName": "The KetaJournal developers",
        "FileDescription": "KetaJournal",
        "FileVersion": version,
        "InternalName": "ketajournal",
        "LegalCopyright": "GPL-3.0-or-later",
        "OriginalFilename": "ketajournal.exe",
        "ProductName": "KetaJournal",
        "ProductVersion": version,
    }
    string_structs = ",\n".join(
        f"          StringStruct({key!r}, {value!r})" for key, value in strings.items()
    )
    return f"""# UTF-8
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers},
    prodvers={numbers},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '040904B0',
        [
{string_structs}
        ])
    ]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""
