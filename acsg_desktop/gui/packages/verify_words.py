"""What a verification found, in words: everything holds (and who signed), or every failure,
entry and check, under a sentence that says not to trust the file."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from acsg_desktop.core.i18n import _
from acsg_desktop.gui.packages.status_banner import Outcome

if TYPE_CHECKING:  # the verifier pulls in the signing stack, slow to import
    from acsg_desktop.core.package.verify import PackageCheck


def verification_words(check: PackageCheck) -> tuple[Outcome, Callable[[], str]]:
    """The outcome and a function that says it in the current language."""
    if check.ok and check.signer is not None:
        from acsg_desktop.core.signing.keys import fingerprint, subject_text

        subject, value = subject_text(check.signer), fingerprint(check.signer)
        return Outcome.SUCCESS, lambda: _(
            "Everything holds. Signed by {subject}; fingerprint {value}"
        ).format(subject=subject, value=value)

    def failures() -> str:
        lines = [
            _(
                "Verification failed: do not trust this file. It was changed after it was "
                "signed, it is damaged, or it is not an ACSG package."
            )
        ]
        lines += [
            _("{entry}: {check}: {message}").format(
                entry=failure.entry, check=failure.check, message=failure.message
            )
            for failure in check.failures
        ]
        return "\n".join(lines)

    return Outcome.FAILURE, failures
