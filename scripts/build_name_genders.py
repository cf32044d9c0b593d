"""Build src/quotegraph/data/name_genders.txt: given names that nearly always belong to one gender.

The resolver reads it as a weak prior for the gender of a person it meets by full name, so that "she"
and "Mrs. Lee" find the woman among several people the text has not yet given a gender ("Paul Lee" and
"Nora Lee"). Evidence in the text (a title, a role noun, the pronouns that follow) still outweighs it.

Source: the name-gender reference data of the nomquamgender package (MIT licence, Ian Van Buskirk,
2022), which pools many public name lists: per name, how many sources and people it was seen with,
and the share of them that were women. A name is kept when it was seen with at least --min-count
people and that share is at most --share or at least 1 - --share; everything else (Jordan, Kim,
Taylor, Jean) is left out, so it gives no prior at all.

Nothing is downloaded when quotegraph runs; to rebuild the file (one command, needs the internet for pip):

    pip install nomquamgender && python scripts/build_name_genders.py
"""
from __future__ import annotations

import argparse
import json
import re
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "quotegraph" / "data" / "name_genders.txt"
NAME = re.compile(r"[a-zà-öø-ÿ][a-zà-öø-ÿ'-]+")  # one given name, lower-case Latin letters

HEADER = """\
# Given names that nearly always belong to one gender (second field: f or m), a weak prior for the
# gender of a person named in full. Built by scripts/build_name_genders.py ({n} names, seen with at
# least {min_count} people each, at most {share:.0%} of them of the other gender); do not edit by hand.
#
# Derived from the name-gender data of nomquamgender (https://github.com/ianvanbuskirk/nomquamgender),
# under its licence:
#
{licence}"""


def build(min_count: int, share: float) -> dict[str, str]:
    raw = resources.files("nomquamgender").joinpath("name_data.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    out = {}
    for name, info in data.items():
        _sources, count, p_female = info[0], info[1], info[2]
        if count < min_count or not NAME.fullmatch(name):
            continue
        if p_female >= 1 - share:
            out[name] = "f"
        elif p_female <= share:
            out[name] = "m"
    return dict(sorted(out.items()))


def _licence_text() -> str:
    """The package's MIT licence, which must go with every copy of its data."""
    from importlib.metadata import distribution

    dist = distribution("nomquamgender")
    path = next(f for f in dist.files or [] if f.name == "LICENSE")
    return Path(dist.locate_file(path)).read_text(encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--min-count", type=int, default=300, help="people a name was seen with (default 300)")
    ap.add_argument("--share", type=float, default=0.05,
                    help="largest share of the other gender a kept name may have (default 0.05)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    names = build(args.min_count, args.share)
    notice = _licence_text()
    text = HEADER.format(n=len(names), min_count=args.min_count, share=args.share,
                         licence="".join(f"# {line}".rstrip() + "\n" for line in notice.splitlines()))
    text += "".join(f"{name}\t{g}\n" for name, g in names.items())
    args.out.write_text(text, encoding="utf-8")
    print(f"{args.out}: {len(names)} names "
          f"({sum(g == 'f' for g in names.values())} f, {sum(g == 'm' for g in names.values())} m)")


if __name__ == "__main__":
    main()
