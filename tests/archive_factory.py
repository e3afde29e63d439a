"""A folder of documents for the archive tests: the bundled seeds and short generated texts in
three scripts, in nested folders, as text, Markdown with a table, and HTML pages. The sentences
are written for these tests."""

from __future__ import annotations

import shutil
from pathlib import Path

from hkpolicy.corpus import seeds_directory

ENGLISH = (
    "The Innovation and Technology Commission said on {day} March 2025 that the Innovation and "
    "Technology Fund will receive HK${amount} million in 2025-26. About {share}% of it goes to "
    "start-ups at Cyberport.",
    "Hong Kong Science and Technology Parks Corporation plans to spend US${amount} million on "
    "new laboratories by {year}, with more than {share}% reserved for life sciences.",
    "Legislators approved $ {amount} million for the Research Matching Grant Scheme in "
    "{year}-{next}; up to {share} per cent may support university projects.",
)
TRADITIONAL = (
    "創新科技署表示，政府將於{year}-{next}年度向創新及科技基金注資{amount}億港元，"
    "其中約{share}%撥予數碼港的初創企業。",
    "香港科技園公司預計在{year}年投放{amount}億元建設新實驗室，超過{share}%用於生命科學。",
)
SIMPLIFIED = (
    "创新科技署表示，政府将于{year}-{next}年度向创新及科技基金注资{amount}亿港元，"
    "其中约{share}%拨予数码港的初创企业。",
    "香港科技园公司预计在{year}年投放{amount}亿元建设新实验室，超过{share}%用于生命科学。",
)
PAGE = """<!DOCTYPE html>
<html lang="{lang}"><head><title>Press release {number}</title></head>
<body><nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<main><h1>Press release {number}</h1><p>{text}</p></main>
<footer>All rights reserved.</footer></body></html>
"""
TABLE = """# Funding by year

| Year | Amount (HK$ million) |
|------|----------------------|
| 2023 | {amount} |
| 2024 | {share} |
"""


def generated_text(number: int) -> tuple[str, str]:
    """``(relative path, text)`` of generated document ``number``: one template of one script,
    filled with figures that vary with the number."""
    values = {
        "day": 1 + number % 28,
        "amount": 10 + number,
        "share": 5 + number % 60,
        "year": 2020 + number % 6,
        "next": str(21 + number % 6),
    }
    script = ("en", "zh-Hant", "zh-Hans")[number % 3]
    templates = {"en": ENGLISH, "zh-Hant": TRADITIONAL, "zh-Hans": SIMPLIFIED}[script]
    text = templates[number // 3 % len(templates)].format(**values)
    if number % 10 == 9:
        return f"tables/{number:03d}.md", TABLE.format(**values) + "\n" + text + "\n"
    if number % 10 == 4:
        lang = {"en": "en", "zh-Hant": "zh-HK", "zh-Hans": "zh-CN"}[script]
        return f"pages/{number:03d}.html", PAGE.format(lang=lang, number=number, text=text)
    return f"{script}/{number // 30:02d}/{number:03d}.txt", text + "\n"


def build_archive(folder: Path, documents: int = 200) -> Path:
    """Write the seeds and ``documents - 5`` generated texts under ``folder``, and a file that
    is not a document (left alone by the index)."""
    seeds = Path(str(seeds_directory()))
    (folder / "seeds").mkdir(parents=True)
    for seed in sorted(seeds.glob("*.txt")):
        shutil.copyfile(seed, folder / "seeds" / seed.name)
    for number in range(documents - 5):
        relative, text = generated_text(number)
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (folder / "seeds" / "catalog.json").write_text("{}", encoding="utf-8")
    return folder
