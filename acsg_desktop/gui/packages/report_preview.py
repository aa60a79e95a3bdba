"""The unsigned draft of a package's report, written to a temporary file (then opened in the
PDF reader by the export box): what the export would sign, to read before signing."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from acsg_desktop.core.errors import AcsgError, os_reason
from acsg_desktop.core.i18n import _


def write_draft(data: bytes, stem: str) -> Path:
    """``data`` in a new temporary file that only this user can read (the report names the
    authority's gaps); its name says it is a draft.

    Raises:
        AcsgError: the file could not be written.
    """
    try:
        handle, name = tempfile.mkstemp(prefix=f"{stem}-draft-", suffix=".pdf")
        with os.fdopen(handle, "wb") as file:
            file.write(data)
    except OSError as error:
        raise AcsgError(
            _("The draft report could not be written: {reason}").format(reason=os_reason(error))
        ) from error
    return Path(name)
