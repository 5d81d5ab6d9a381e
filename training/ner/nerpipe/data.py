"""Readers for the WikiANN / WNUT17 / synthetic token files, re-split into BERT basic words with BIO labels."""
from __future__ import annotations

import json
import os

from .tokenizer import basic_words, case_id

WNUT_MAP = {"person": "PER", "location": "LOC", "corporation": "ORG", "group": "ORG"}


def read_conll(path: str, lang_prefix: bool, wnut: bool = False) -> list[tuple[list[str], list[str]]]:
    """Returns sentences as (tokens, BIO tags) with the original tokens (prefix stripped, WNUT types mapped)."""
    sents: list[tuple[list[str], list[str]]] = []
    toks: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.replace("\ufeff", "").strip():  # WNUT17 dev ends with a lone U+FEFF line
                if toks:
                    sents.append((toks, tags))
                    toks, tags = [], []
                continue
            parts = line.split("\t")
            tok, tag = parts[0], parts[-1].strip()
            if lang_prefix and ":" in tok:
                tok = tok.split(":", 1)[1]
            if wnut and tag != "O":
                bio, typ = tag.split("-", 1)
                tag = f"{bio}-{WNUT_MAP[typ]}" if typ in WNUT_MAP else "O"
            toks.append(tok)
            tags.append(tag)
    if toks:
        sents.append((toks, tags))
    return [fix_bio(s) for s in sents]


def fix_bio(sent: tuple[list[str], list[str]]) -> tuple[list[str], list[str]]:
    """An I- tag that does not continue a span of its type starts one (WNUT mapping can leave such I- tags)."""
    toks, tags = sent
    out: list[str] = []
    prev = "O"
    for t in tags:
        if t.startswith("I-") and prev[2:] != t[2:]:
            t = "B-" + t[2:]
        out.append(t)
        prev = t
    return toks, out


def to_words(sent: tuple[list[str], list[str]], do_lower_case: bool) -> tuple[list[str], list[str], list[str]]:
    """Re-split each corpus token the way the runtime splits text (punctuation becomes words of its own).

    Returns (normalized words, BIO labels, original word texts); the originals give the case_ids input."""
    words: list[str] = []
    labels: list[str] = []
    originals: list[str] = []
    for tok, tag in zip(*sent):
        for k, (w, s, e) in enumerate(basic_words(tok, do_lower_case)):
            words.append(w)
            originals.append(tok[s:e])
            if tag == "O" or k == 0:
                labels.append(tag)
            else:
                labels.append("I-" + tag[2:])
    return words, labels, originals


def sentence_text_and_spans(sent: tuple[list[str], list[str]]) -> tuple[str, list[tuple[str, int, int]]]:
    """Join tokens with single spaces and return the gold entity spans as (TYPE, start, end) char offsets."""
    toks, tags = sent
    offsets = []
    pos = 0
    for t in toks:
        offsets.append((pos, pos + len(t)))
        pos += len(t) + 1
    text = " ".join(toks)
    spans: list[tuple[str, int, int]] = []
    cur = None
    for (s, e), tag in zip(offsets, tags):
        if tag.startswith("B-") or (tag.startswith("I-") and (cur is None or cur[0] != tag[2:])):
            if cur:
                spans.append(tuple(cur))
            cur = [tag[2:], s, e]
        elif tag.startswith("I-"):
            cur[2] = e
        else:
            if cur:
                spans.append(tuple(cur))
            cur = None
    if cur:
        spans.append(tuple(cur))
    return text, spans


TYPE_TO_LABEL = {"PERSON": "PER", "LOCATION": "LOC", "ORGANIZATION": "ORG", "ADDRESS": "ADDR"}


def read_span_jsonl(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def corpus_paths(shared: str, synth: str) -> dict:
    wikiann = os.path.join(shared, "data", "ner", "wikiann")
    wnut = os.path.join(shared, "data", "ner", "wnut17")
    langs = ["en", "de", "fr", "nl"]
    return {
        "wikiann": {lang: {sp: os.path.join(wikiann, lang, sp) for sp in ("train", "dev", "test")} for lang in langs},
        "wnut": {sp: os.path.join(wnut, f"{sp}.conll") for sp in ("train", "dev", "test")},
        "synth": {lang: {sp: os.path.join(synth, lang, sp) for sp in ("train", "dev", "test")} for lang in langs},
        "synth_test_jsonl": os.path.join(synth, "test.jsonl"),
    }
