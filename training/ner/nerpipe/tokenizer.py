"""BERT BasicTokenizer + WordPiece (greedy longest-match-first), re-implemented to behave exactly like
google-research/bert tokenization.py (and HF BertTokenizer with tokenize_chinese_chars=True,
strip_accents=None), plus char offsets so predictions map back onto the original text.

Conventions the runtime must follow (also written to tokenizer_config.json):
  1. clean: drop U+0000, U+FFFD and control chars (Unicode Cc/Cf except \t \n \r); whitespace (\t \n \r, Zs) splits words.
  2. CJK ideographs become words of their own.
  3. if do_lower_case: lower-case, then NFD and drop combining marks (Mn) -- i.e. strip accents.
  4. split punctuation: every char that is ASCII 33-47, 58-64, 91-96, 123-126 or Unicode P* is its own word.
  5. WordPiece each word: greedy longest match, continuation pieces prefixed '##'; a word longer than 100 chars
     or with any unmatchable part becomes the single piece [UNK].
  6. sequence = [CLS] pieces [SEP]; a word's label is the label of its FIRST piece.
  7. case_ids (second model input, same shape as input_ids): per piece the case/shape class of its word's ORIGINAL
     text (before lower-casing), see case_id(); continuation pieces inherit their word's class; [CLS]/[SEP]/[PAD] 0.
"""
from __future__ import annotations

import unicodedata

PAD, UNK, CLS, SEP, MASK = "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"
SPECIALS = [PAD, UNK, CLS, SEP, MASK]
MAX_CHARS_PER_WORD = 100

# case/shape classes of the case_ids input
CASE_SPECIAL, CASE_LOWER, CASE_TITLE, CASE_UPPER, CASE_MIXED, CASE_DIGIT, CASE_OTHER = range(7)
NUM_CASE_IDS = 7


def case_id(original: str) -> int:
    """Case/shape class of one word's original text (code points, Unicode general categories).

    Lu/Lt count as upper, Ll as lower. No cased letter: 5 if any Nd digit, else 1 if any other letter (e.g. CJK),
    else 6 (punctuation/symbols). Only lower letters: 1. Only upper letters: 3 if two or more, else 2 (an initial,
    'A', '221B'). One upper letter and it is the first cased letter: 2 (Title, 'Müller'). Otherwise 4 ('McDonald').
    """
    upper = lower = 0
    first_upper = None
    letter = digit = False
    for ch in original:
        cat = unicodedata.category(ch)
        if cat in ("Lu", "Lt"):
            upper += 1
            if first_upper is None:
                first_upper = True
        elif cat == "Ll":
            lower += 1
            if first_upper is None:
                first_upper = False
        elif cat.startswith("L"):
            letter = True
        elif cat == "Nd":
            digit = True
    if upper == 0 and lower == 0:
        return CASE_DIGIT if digit else (CASE_LOWER if letter else CASE_OTHER)
    if upper == 0:
        return CASE_LOWER
    if lower == 0:
        return CASE_UPPER if upper >= 2 else CASE_TITLE
    if upper == 1 and first_upper:
        return CASE_TITLE
    return CASE_MIXED


def is_whitespace(ch: str) -> bool:
    if ch in (" ", "\t", "\n", "\r"):
        return True
    return unicodedata.category(ch) == "Zs"


def is_control(ch: str) -> bool:
    if ch in ("\t", "\n", "\r"):
        return False
    return unicodedata.category(ch) in ("Cc", "Cf")


def is_punctuation(ch: str) -> bool:
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def is_cjk(cp: int) -> bool:
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF
            or 0x2A700 <= cp <= 0x2B73F or 0x2B740 <= cp <= 0x2B81F or 0x2B820 <= cp <= 0x2CEAF
            or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F)


def normalize_word(word: str, do_lower_case: bool) -> str:
    if not do_lower_case:
        return word
    word = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in word if unicodedata.category(c) != "Mn")


def basic_words(text: str, do_lower_case: bool) -> list[tuple[str, int, int]]:
    """Split text into (normalized word, start, end) with offsets into the original text.

    Equivalent to BERT's BasicTokenizer: clean, CJK split, whitespace split, lower+strip accents, punctuation split.
    Lower-casing/accent stripping is applied per whitespace token before the punctuation split, as in BERT.
    """
    out: list[tuple[str, int, int]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        cp = ord(ch)
        if cp == 0 or cp == 0xFFFD or is_control(ch) or is_whitespace(ch):
            i += 1
            continue
        if is_cjk(cp):
            out.append((normalize_word(ch, do_lower_case), i, i + 1))
            i += 1
            continue
        # a whitespace-delimited token (control chars removed, CJK chars split off)
        j = i
        chars: list[tuple[str, int]] = []
        while j < n:
            c = text[j]
            cpj = ord(c)
            if is_whitespace(c) or is_cjk(cpj):
                break
            if not (cpj == 0 or cpj == 0xFFFD or is_control(c)):
                chars.append((c, j))
            j += 1
        # BERT lower-cases the whole token (str.lower, context-aware for final sigma), then NFD + drops Mn marks.
        norm: list[tuple[str, int]] = []
        if do_lower_case:
            lowered = "".join(c for c, _ in chars).lower()
            pairs = zip(lowered, (p for _, p in chars)) if len(lowered) == len(chars) else \
                ((d, p) for c, p in chars for d in c.lower())
            for c, pos in pairs:
                for d in unicodedata.normalize("NFD", c):
                    if unicodedata.category(d) != "Mn":
                        norm.append((d, pos))
        else:
            norm = chars
        start = None
        buf: list[str] = []
        end_pos = None
        for d, pos in norm:
            if is_punctuation(d):
                if buf:
                    out.append(("".join(buf), start, end_pos))
                    buf, start = [], None
                out.append((d, pos, pos + 1))
            else:
                if start is None:
                    start = pos
                buf.append(d)
                end_pos = pos + 1
        if buf:
            out.append(("".join(buf), start, end_pos))
        i = j
    return out


class WordPiece:
    def __init__(self, vocab: list[str]):
        self.vocab = vocab
        self.index = {t: i for i, t in enumerate(vocab)}
        self.unk_id = self.index[UNK]
        self.cls_id = self.index[CLS]
        self.sep_id = self.index[SEP]
        self.pad_id = self.index[PAD]
        self._cache: dict[str, list[int]] = {}

    @classmethod
    def load(cls, path: str) -> "WordPiece":
        with open(path, encoding="utf-8") as f:
            return cls([line.rstrip("\n") for line in f])

    def word_ids(self, word: str) -> list[int]:
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        ids = self._pieces(word)
        if len(self._cache) < 2_000_000:
            self._cache[word] = ids
        return ids

    def _pieces(self, word: str) -> list[int]:
        if len(word) > MAX_CHARS_PER_WORD:
            return [self.unk_id]
        ids: list[int] = []
        start, n = 0, len(word)
        while start < n:
            end = n
            found = None
            while start < end:
                piece = word[start:end]
                if start > 0:
                    piece = "##" + piece
                idx = self.index.get(piece)
                if idx is not None:
                    found = idx
                    break
                end -= 1
            if found is None:
                return [self.unk_id]
            ids.append(found)
            start = end
        return ids
