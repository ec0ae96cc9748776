"""Write a reproducible corpus of N articles (default 10,000, about 48 MB; 100,000 is
about 480 MB) made from the seeds, into a folder outside the repository.

Each article shuffles seed paragraphs, swaps names for others of the field
and gets its own date, so titles, entities, topics and trails vary across
the corpus the way a real archive does.

    python benchmarks/gen_corpus.py OUT_DIR [--count N] [--seed S]
"""

from __future__ import annotations

import argparse
import random
import re
from datetime import date, timedelta
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SWAPS = {
    "Putin": ["Putin", "Medvedev", "Lavrov", "Mishustin"],
    "Rouhani": ["Rouhani", "Raisi", "Pezeshkian", "Zarif"],
    "Raisi": ["Raisi", "Pezeshkian", "Araghchi", "Amir-Abdollahian"],
    "Erdogan": ["Erdogan", "Fidan", "Cavusoglu"],
    "Aliyev": ["Aliyev", "Bayramov"],
    "Tehran": ["Tehran", "Isfahan", "Mashhad", "Tabriz"],
    "Moscow": ["Moscow", "Sochi", "Kazan", "St. Petersburg"],
    "Syria": ["Syria", "Syria", "Iraq", "Afghanistan"],
    "Baku": ["Baku", "Astana", "Ashgabat"],
}
SOURCES = ["Tehran Times", "Financial Tribune", "Kayhan International", "The Times of Israel", "TASS", "IRNA", "Al-Monitor"]


def seed_paragraphs() -> tuple[list[str], list[str]]:
    titles, paragraphs = [], []
    for path in sorted(SEEDS.glob("*.txt")):
        lines = [ln.strip() for ln in path.read_text(encoding="utf-8").split("\n") if ln.strip()]
        titles.append(lines[0] if lines[0] != "National" else lines[2])
        paragraphs += [ln for ln in lines[1:] if len(ln) > 80]
    return titles, paragraphs


def vary(text: str, rng: random.Random) -> str:
    return re.sub(r"\b(" + "|".join(SWAPS) + r")\b", lambda m: rng.choice(SWAPS[m.group(1)]), text)


def article(number: int, rng: random.Random, titles: list[str], paragraphs: list[str]) -> str:
    when = date(2015, 1, 1) + timedelta(days=rng.randrange(0, 11 * 365))
    body = [vary(p, rng) for p in rng.sample(paragraphs, rng.randint(14, 30))]
    title = f"{vary(rng.choice(titles), rng)} ({number})"
    place = rng.choice(["TEHRAN", "MOSCOW", "BAKU", "ANKARA"])
    body[0] = f"{place} – {body[0]}"
    return "\n\n".join([title, when.strftime("%B %-d, %Y - %H:%M").replace("- 00:00", "- 09:30"), *body,
                        "Add new comment", f"As reported by {rng.choice(SOURCES)}"]) + "\n"


def generate(out: Path, count: int = 10_000, seed: int = 1) -> int:
    """Write `count` articles to `out`; return the bytes written."""
    rng = random.Random(seed)
    titles, paragraphs = seed_paragraphs()
    out.mkdir(parents=True, exist_ok=True)
    total = 0
    digits = max(5, len(str(count - 1)))  # 00000.txt for 10,000 articles, 000000.txt for 100,000
    for number in range(count):
        data = article(number, rng, titles, paragraphs).encode("utf-8")
        (out / f"{number:0{digits}d}.txt").write_bytes(data)
        total += len(data)
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    total = generate(args.out, args.count, args.seed)
    print(f"{args.count} articles, {total / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
