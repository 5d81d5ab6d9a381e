"""Learn a WordPiece vocabulary from word counts, deterministically.

Merges are learned BPE-style (most frequent adjacent pair first, ties broken by the pair's text) over words split
into a first char and '##'-prefixed continuation chars; the resulting pieces are used by greedy longest-match
WordPiece at tokenization time, as BERT does. Incremental pair counts + a lazy max-heap keep it to a minute or two.
"""
from __future__ import annotations

import heapq
from collections import Counter, defaultdict

from .tokenizer import SPECIALS


def _merge_symbols(a: str, b: str) -> str:
    return a + (b[2:] if b.startswith("##") else b)


def build_vocab(word_counts: Counter, vocab_size: int, min_char_count: int = 3) -> list[str]:
    char_counts: Counter = Counter()
    for word, count in word_counts.items():
        for i, ch in enumerate(word):
            char_counts[ch if i == 0 else "##" + ch] += count
    alphabet = sorted(sym for sym, c in char_counts.items() if c >= min_char_count)
    alpha_set = set(alphabet)

    words: list[list[str]] = []
    counts: list[int] = []
    for word, count in sorted(word_counts.items()):
        syms = [ch if i == 0 else "##" + ch for i, ch in enumerate(word)]
        if all(s in alpha_set for s in syms) and len(syms) > 1:
            words.append(syms)
            counts.append(count)

    pair_counts: dict[tuple[str, str], int] = defaultdict(int)
    where: dict[tuple[str, str], set[int]] = defaultdict(set)
    for wi, syms in enumerate(words):
        for a, b in zip(syms, syms[1:]):
            pair_counts[(a, b)] += counts[wi]
            where[(a, b)].add(wi)
    heap = [(-c, p) for p, c in pair_counts.items()]
    heapq.heapify(heap)

    vocab = list(SPECIALS) + alphabet
    seen = set(vocab)
    while len(vocab) < vocab_size and heap:
        negc, pair = heapq.heappop(heap)
        if pair_counts.get(pair, 0) != -negc or negc == 0:
            continue
        merged = _merge_symbols(*pair)
        if merged not in seen:
            vocab.append(merged)
            seen.add(merged)
        touched: dict[tuple[str, str], int] = {}
        for wi in list(where[pair]):
            syms = words[wi]
            c = counts[wi]
            for p in zip(syms, syms[1:]):
                pair_counts[p] -= c
                touched[p] = pair_counts[p]
            out: list[str] = []
            i = 0
            while i < len(syms):
                if i + 1 < len(syms) and syms[i] == pair[0] and syms[i + 1] == pair[1]:
                    out.append(merged)
                    i += 2
                else:
                    out.append(syms[i])
                    i += 1
            words[wi] = out
            for p in zip(out, out[1:]):
                pair_counts[p] += c
                touched[p] = pair_counts[p]
                where[p].add(wi)
        del where[pair]
        pair_counts.pop(pair, None)
        for p, c in touched.items():
            if c > 0 and p != pair:
                heapq.heappush(heap, (-c, p))
    return vocab
