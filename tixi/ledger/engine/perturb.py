"""Named, deterministic perturbations of a plan's text: the same document in the shapes planners paste it in.

Each keeps the document's meaning: no number's value changes, no word is added or dropped; only how lines end,
how digits and punctuation are written, where a PDF copy breaks its lines and how a table's cells are set apart.
A reader right on the plain text and wrong on one of these has fitted a page, not a way of writing (issue 12).
Pure: no Django. The caller strips a held-out file's '#' header before perturbing (held_out_text)."""

import random
import re

FULL_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")
TO_HALF = str.maketrans({"，": ",", "；": ";", "：": ":", "（": "(", "）": ")", "％": "%"})
TO_FULL = str.maketrans({",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "%": "％"})
CJK = r"[\u4e00-\u9fff]"
NUMBER = re.compile(r"\d+(?:\.\d+)?")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}")


def crlf(text: str, seed: int = 0) -> str:
    """Windows line ends."""
    return text.replace("\n", "\r\n")


def fullwidth_digits(text: str, seed: int = 0) -> str:
    """２０２５ for 2025 (an input method's full-width mode)."""
    return text.translate(FULL_DIGITS)


def halfwidth_punctuation(text: str, seed: int = 0) -> str:
    """, ; : ( ) % for ，；：（）％."""
    return text.translate(TO_HALF)


def fullwidth_punctuation(text: str, seed: int = 0) -> str:
    """，；：（）％ for , ; : ( ) % — but not a comma or colon between digits (1,000 and 8:30 keep their value)."""
    out = []
    for i, ch in enumerate(text):
        between_digits = (
            ch in ",:" and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()
        )
        out.append(ch if between_digits else ch.translate(TO_FULL))
    return "".join(out)


def word_spaces(text: str, seed: int = 0) -> str:
    """A Word paste: a space either side of a number between Chinese characters ("到 2025 年") and a full-width
    indent "　　" before each paragraph that is not a table row."""
    text = re.sub(rf"(?<={CJK})(?=\d)|(?<=\d)(?={CJK})", " ", text)
    return "\n".join(
        "\u3000\u3000" + line if line.strip() and not line.lstrip().startswith("|") else line
        for line in text.split("\n")
    )


def pdf_wrap(text: str, seed: int = 0) -> str:
    """A PDF copy: a hard line break every 30-40 characters (seeded), even inside a number or a unit's name;
    table rows ('|' cells) are left whole."""
    rng = random.Random(seed)
    out = []
    for line in text.split("\n"):
        if line.lstrip().startswith("|"):
            out.append(line)
            continue
        while len(line) > 40:
            cut = rng.randint(30, 40)
            out.append(line[:cut])
            line = line[cut:]
        out.append(line)
    return "\n".join(out)


def tab_table(text: str, seed: int = 0) -> str:
    """A table copied out of a spreadsheet: cells apart by tabs, no '|' and no rule line."""
    out = []
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped.startswith("|"):
            if TABLE_RULE.match(stripped) and not re.sub(r"[|:\-\s]", "", stripped):
                continue
            out.append("\t".join(cell.strip() for cell in stripped.strip("|").split("|")))
        else:
            out.append(line)
    return "\n".join(out)


PERTURBATIONS = {
    "crlf": crlf,
    "fullwidth_digits": fullwidth_digits,
    "halfwidth_punctuation": halfwidth_punctuation,
    "fullwidth_punctuation": fullwidth_punctuation,
    "word_spaces": word_spaces,
    "pdf_wrap": pdf_wrap,
    "tab_table": tab_table,
}


def perturbed(name: str, seed: int = 0):
    """The named perturbation as a function of the text alone (for accuracy.seed_scores / held_out_scores)."""
    function = PERTURBATIONS[name]
    return lambda text: function(text, seed)
