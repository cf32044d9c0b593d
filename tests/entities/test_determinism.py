"""The same article gives the same result whatever order Python's string hashing puts sets in.

Python salts str hashes per process (PYTHONHASHSEED), so any result that depends on the iteration
order of a set of strings changes from run to run. Each run here is a fresh process with its own seed.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

from quotegraph.entities.mentions import _majority_label

# A name run whose tokens spaCy splits evenly between two labels ("Northwind Bank" ORG, "Harold
# Brenner" PERSON), surnames and pronouns to chain, titles before names, and quotes to attribute.
ARTICLE = """Northwind Bank Chief Faces Senators Over Fake Accounts

Northwind Bank CEO Harold Brenner was grilled on Tuesday by the Senate Banking Committee over millions of accounts opened without customers' consent.

Ohio Sen. Margaret Quinlan told Brenner he should resign. "You should give back every penny you made while this went on," Quinlan said.

Brenner said the bank had fired 5,300 employees. "I am deeply sorry that we failed to meet our commitment," he told the committee.

Quinlan was not satisfied. "This is not accountability," she said. "This is gutless leadership."

Former Treasury Secretary Daniel Okafor said in an interview with Harbor Weekly UK that regulators had been warned years ago. Northwind Bank declined to comment, according to spokesman Pete Alvarez.
"""

SEEDS = ("0", "1", "2", "3")


def test_extract_output_does_not_depend_on_the_hash_seed(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    runs = []
    for seed in SEEDS:
        env = {**os.environ, "PYTHONHASHSEED": seed}
        runs.append(subprocess.Popen([sys.executable, "-m", "quotegraph", "extract", "--format", "jsonl", str(path)],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True))
    outputs = []
    for seed, proc in zip(SEEDS, runs):
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, f"seed {seed}: {err}"
        outputs.append(json.loads(out))
    assert outputs[0]["entities"] and outputs[0]["quotes"]
    for seed, result in zip(SEEDS[1:], outputs[1:]):
        assert result == outputs[0], f"PYTHONHASHSEED={seed} gives a different result from PYTHONHASHSEED=0"


def test_a_label_tie_goes_to_the_label_at_the_end_of_the_name():
    assert _majority_label(["ORG", "ORG", "PERSON", "PERSON"]) == "PERSON"
    assert _majority_label(["PERSON", "PERSON", "ORG", "ORG"]) == "ORG"
    assert _majority_label(["ORG", "PERSON", "PERSON"]) == "PERSON"
    assert _majority_label(["GPE", "ORG", "ORG"]) == "ORG"
