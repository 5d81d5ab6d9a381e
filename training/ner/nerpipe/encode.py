"""Turn words into piece ids (first-piece labelling) and model output back into character spans."""
from __future__ import annotations

import numpy as np
import torch

from .tokenizer import CASE_SPECIAL, WordPiece, basic_words, case_id

IGNORE = -100


def encode_words(words: list[str], labels: list[int] | None, wp: WordPiece, max_pieces: int,
                 cases: list[int] | None = None):
    """Chunks (ids, label_ids or None, first-piece positions, word indexes, case_ids) of at most max_pieces
    including [CLS]/[SEP]. cases = one case class per word (tokenizer.case_id); every piece of a word gets it."""
    budget = max_pieces - 2
    ids: list[int] = []
    lab: list[int] = []
    cas: list[int] = []
    firsts: list[int] = []
    word_index: list[int] = []
    chunks = []
    for wi, w in enumerate(words):
        pieces = wp.word_ids(w)[:budget]
        if not pieces:
            continue
        if len(ids) + len(pieces) > budget:
            chunks.append((ids, lab, firsts, word_index, cas))
            ids, lab, firsts, word_index, cas = [], [], [], [], []
        firsts.append(len(ids) + 1)
        word_index.append(wi)
        ids.extend(pieces)
        cas.extend([cases[wi] if cases is not None else CASE_SPECIAL] * len(pieces))
        if labels is not None:
            lab.extend([labels[wi]] + [IGNORE] * (len(pieces) - 1))
    if ids or not chunks:
        chunks.append((ids, lab, firsts, word_index, cas))
    out = []
    for ids, lab, firsts, word_index, cas in chunks:
        full = [wp.cls_id] + ids + [wp.sep_id]
        full_lab = [IGNORE] + lab + [IGNORE] if labels is not None else None
        out.append((full, full_lab, firsts, word_index, [CASE_SPECIAL] + cas + [CASE_SPECIAL]))
    return out


def pad_batch(seqs: list[list[int]], value: int) -> np.ndarray:
    n = max(len(s) for s in seqs)
    arr = np.full((len(seqs), n), value, dtype=np.int64)
    for i, s in enumerate(seqs):
        arr[i, :len(s)] = s
    return arr


def viterbi_labels(probs: np.ndarray, id2label: list[str]) -> list[int]:
    """The most probable label sequence (rows: words, columns: label probabilities) in which every I-X continues a
    B-X or I-X; X without any B- label (IO schemes) may start with I-. A word whose most probable label is an entity
    label stays an entity (decoding may change its type or span, never drop it). Of equally probable paths the one
    marking more as entity wins (entity labels are tried before O). Exactly the C# runtime's EntityDecoder."""
    n, k = probs.shape
    if n == 0:
        return []
    types = [lab.split("-", 1)[1] if "-" in lab else (None if lab == "O" else lab) for lab in id2label]
    with_begin = {t for lab, t in zip(id2label, types) if t and lab.startswith("B-")}
    needs = [bool(t) and t in with_begin and lab[:2] in ("I-", "E-") for lab, t in zip(id2label, types)]
    can = np.array([[not needs[c] or (types[p] == types[c] and id2label[p][:2] in ("B-", "I-")) for c in range(k)]
                    for p in range(k)])
    order = [i for i in range(k) if types[i]] + [i for i in range(k) if not types[i]]
    logp = np.log(np.maximum(probs.astype(np.float64), 1e-12))
    flagged = np.array([types[i] is not None for i in probs.argmax(-1)])
    outside = np.array([t is None for t in types])
    logp[np.ix_(flagged, outside)] = -np.inf
    logp = logp[:, order]
    can = can[np.ix_(order, order)]
    trans = np.where(can, 0.0, -np.inf)
    score = np.where([not needs[i] for i in order], logp[0], -np.inf)
    back = np.zeros((n, k), dtype=np.int64)
    for i in range(1, n):
        cand = score[:, None] + trans
        back[i] = cand.argmax(0)  # first maximum: entity labels before O
        score = cand.max(0) + logp[i]
    path = [int(score.argmax())]
    for i in range(n - 1, 0, -1):
        path.append(int(back[i][path[-1]]))
    return [order[j] for j in reversed(path)]


def decode_spans(word_labels: list[str], word_offsets: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """BIO over words -> spans; an I-X that does not continue an X span starts one (lenient, like seqeval's IOB1)."""
    spans: list[tuple[str, int, int]] = []
    cur = None
    for lab, (s, e) in zip(word_labels, word_offsets):
        if lab == "O":
            if cur:
                spans.append(tuple(cur))
            cur = None
            continue
        bio, typ = lab.split("-", 1)
        if bio == "B" or cur is None or cur[0] != typ:
            if cur:
                spans.append(tuple(cur))
            cur = [typ, s, e]
        else:
            cur[2] = e
    if cur:
        spans.append(tuple(cur))
    return spans


@torch.no_grad()
def predict_texts(model, wp: WordPiece, id2label: list[str], texts: list[str], do_lower_case: bool,
                  max_pieces: int = 512, batch_size: int = 32) -> list[list[tuple[str, int, int]]]:
    """Runtime-equivalent prediction: basic words -> WordPiece -> model -> first-piece label probabilities per word ->
    constrained Viterbi -> spans."""
    model.eval()
    items = []  # (text index, ids, firsts, word_index, case_ids)
    words_per_text = []
    for ti, text in enumerate(texts):
        words = basic_words(text, do_lower_case)
        words_per_text.append(words)
        cases = [case_id(text[s:e]) for _, s, e in words]
        for ids, _, firsts, widx, cas in encode_words([w for w, _, _ in words], None, wp, max_pieces, cases):
            items.append((ti, ids, firsts, widx, cas))
    word_probs = [np.zeros((len(w), len(id2label)), dtype=np.float32) for w in words_per_text]
    has_piece = [np.zeros(len(w), dtype=bool) for w in words_per_text]  # words without pieces are skipped
    # Batch only sequences of identical length: no padding, so results equal one-sequence-per-call inference.
    by_len: dict[int, list[int]] = {}
    for k, it in enumerate(items):
        by_len.setdefault(len(it[1]), []).append(k)
    for length in sorted(by_len):
        ks = by_len[length]
        for b in range(0, len(ks), batch_size):
            batch = [items[k] for k in ks[b:b + batch_size]]
            ids = np.array([it[1] for it in batch], dtype=np.int64)
            cas = np.array([it[4] for it in batch], dtype=np.int64)
            mask = np.ones_like(ids)
            logits = model(torch.from_numpy(ids), torch.from_numpy(mask), torch.from_numpy(cas)).numpy()
            probs = torch.softmax(torch.from_numpy(logits), -1).numpy()
            for (ti, seq, firsts, widx, _), pr in zip(batch, probs):
                for pos, wi in zip(firsts, widx):
                    word_probs[ti][wi] = pr[pos]
                    has_piece[ti][wi] = True
    out = []
    for ti, words in enumerate(words_per_text):
        keep = np.flatnonzero(has_piece[ti])
        labels = viterbi_labels(word_probs[ti][keep], id2label)
        offsets = [(words[i][1], words[i][2]) for i in keep]
        spans = decode_spans([id2label[x] for x in labels], offsets)
        out.append(trim_separators(texts[ti], split_at_line_breaks(texts[ti], spans, offsets), offsets))
    return out


LINE_BREAKS = set("\n\r\v\f\u0085\u2028\u2029")


def split_at_line_breaks(text: str, spans: list[tuple[str, int, int]], word_offsets: list[tuple[int, int]]):
    """Each span cut into one span per line, all of its type (words are whole: a line break is never inside one).
    Same rule as the runtime's EntityDecoder: the model sometimes runs a span on into the next line ('Regards' above
    the sender's name)."""
    out = []
    for typ, s, e in spans:
        ws = [(a, b) for a, b in word_offsets if a >= s and b <= e]
        start = ws[0][0]
        for (_, prev_end), (a, _) in zip(ws, ws[1:]):
            if any(c in LINE_BREAKS for c in text[prev_end:a]):
                out.append((typ, start, prev_end))
                start = a
        out.append((typ, start, e))
    return out


SEPARATORS = set("-\u2012\u2013\u2014\u2015,:;/|")
BRACKETS = {"(": ")", "[": "]", "{": "}"}


def trim_separators(text: str, spans: list[tuple[str, int, int]], word_offsets: list[tuple[int, int]]):
    """Spans without separator words at their edges (a dash, comma, colon, semicolon, slash, bar, or a bracket whose
    partner is not inside the span); a span of separators alone is dropped. Same rule as the runtime's EntityDecoder:
    in 'Robert Bly - Hart Crane' the model often carries the name onto the dash."""
    out = []
    for typ, s, e in spans:
        ws = [(a, b) for a, b in word_offsets if a >= s and b <= e]
        chars = [text[a] if b - a == 1 else "" for a, b in ws]
        first, last = 0, len(ws) - 1

        def count(c: str) -> int:
            return sum(1 for x in chars[first:last + 1] if x == c)

        def separator(c: str, at_end: bool) -> bool:
            if c in SEPARATORS:
                return True
            if c in BRACKETS:
                return at_end or count(BRACKETS[c]) < count(c)
            opening = next((o for o, cl in BRACKETS.items() if cl == c), None)
            if opening:
                return not at_end or count(opening) < count(c)
            return False

        while first <= last:
            if separator(chars[last], True):
                last -= 1
            elif separator(chars[first], False):
                first += 1
            else:
                break
        if first <= last:
            out.append((typ, ws[first][0], ws[last][1]))
    return out
