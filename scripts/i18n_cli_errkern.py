"""French and Arabic of the errors of the kernels (mapping, definitions, concentration,
complexity, indicators, regions, divisions, codes, withheld, model): msgid -> (French, Arabic)."""

from __future__ import annotations

CLI_T_errkern: dict[str, tuple[str, str]] = {  # msgid: (French, Arabic)
}
