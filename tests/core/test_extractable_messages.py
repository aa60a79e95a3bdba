"""Every message is where pybabel extracts it: a literal inside an f-string is never extracted,
so it would stay in English on every translated screen (the offer's "Description" did)."""

import re
import tokenize
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "acsg_desktop"
TRANSLATED_LITERAL = re.compile(r"""\b(?:_|N_|ngettext|pgettext)\(\s*['"]""")


def lines_with_messages_in_f_strings(path: Path) -> list[int]:
    found = []
    with path.open("rb") as source:
        for token in tokenize.tokenize(source.readline):
            is_f_string = token.type == tokenize.STRING and re.match(r"[rbuRBU]*[fF]", token.string)
            if is_f_string and TRANSLATED_LITERAL.search(token.string):
                found.append(token.start[0])
    return found


def test_no_message_is_written_inside_an_f_string() -> None:
    found = [
        f"{path.relative_to(PACKAGE)}:{line}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for line in lines_with_messages_in_f_strings(path)
    ]
    assert found == []


def test_the_check_finds_a_message_inside_an_f_string(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        'text = f"<b>{_(\'Description\')}</b>"\nfine = _("Description")\nplain = f"{name}"\n'
    )
    assert lines_with_messages_in_f_strings(sample) == [1]
