"""The NER network: WordPiece embeddings -> dilated residual GLU convolutions -> linear softmax logits per piece.

A convolutional tagger (ID-CNN style, Strubell et al. 2017) rather than a BiLSTM or transformer: it trains several
times faster on two shared CPU cores, exports to plain ONNX Conv/Mul/LayerNorm ops, and runs a 250-piece prompt in
a few milliseconds on one core. Each layer re-zeroes padding positions, so right-padded batches give exactly the
logits of unpadded single sequences.

A second input, case_ids (the case/shape class of each piece's original word, tokenizer.case_id), is embedded and
added to the piece embedding: the piece ids are lower-cased (so UPPER and lower text look the same to them) and the
case embedding gives back what capitalisation says about names. Training re-cases whole sequences (UPPER, lower) so
the model does not rely on case alone.

Optional spelling features (`PieceSpelling`, `train --spelling-buckets N`): each piece's embedding gets the mean of
hashed character n-gram embeddings of the piece's own text (fastText-style), so pieces seen rarely in training share
what their spelling says with pieces seen often (`-son`, `-mann`, `van`). The n-grams are a function of the piece id
alone, so the export folds them into the piece embedding table: the ONNX graph, its inputs and the runtime are the
same as without them. Optional pretrained piece vectors (`PretrainedPieces`, `train --pretrained`) are folded the same
way (`ConvTagger.fold_inputs`).
"""
from __future__ import annotations

import torch
from torch import nn

from .tokenizer import NUM_CASE_IDS, SPECIALS
import zlib


def piece_ngrams(vocab: list[str], buckets: int, n_min: int = 2, n_max: int = 4) -> torch.Tensor:
    """Per vocabulary entry, the hashed ids (1..buckets-1; 0 pads) of its character n-grams, as a [V, K] tensor.

    A word-initial piece is read with a leading '<' (so `<mu` differs from `mu` inside a word); a continuation piece
    (`##son`) without its '##' and without the marker. Special tokens have no n-grams (all padding)."""
    rows = []
    for piece in vocab:
        if piece in SPECIALS or (piece.startswith("[") and piece.endswith("]")):
            rows.append([])
            continue
        text = piece[2:] if piece.startswith("##") else "<" + piece
        grams = {text[i:i + n] for n in range(n_min, n_max + 1) for i in range(len(text) - n + 1)}
        if not grams:
            grams = {text}
        rows.append(sorted(zlib.crc32(g.encode("utf-8")) % (buckets - 1) + 1 for g in grams))
    width = max(1, max(len(r) for r in rows))
    return torch.tensor([r + [0] * (width - len(r)) for r in rows], dtype=torch.int64)


class PieceSpelling(nn.Module):
    """Mean of the character n-gram embeddings of each piece (zero for special tokens)."""

    def __init__(self, vocab: list[str], dim: int, buckets: int):
        super().__init__()
        self.buckets = buckets
        ngram_ids = piece_ngrams(vocab, buckets)
        self.register_buffer("ngram_ids", ngram_ids, persistent=False)
        self.register_buffer("counts", (ngram_ids > 0).sum(1).clamp(min=1).to(torch.float32), persistent=False)
        self.ngrams = nn.Embedding(buckets, dim, padding_idx=0)

    def forward(self, input_ids: torch.Tensor) -> torch.Tensor:
        # only the pieces of this batch: a few hundred rows instead of the whole vocabulary
        uniq, inverse = torch.unique(input_ids, return_inverse=True)
        vectors = self.ngrams(self.ngram_ids[uniq]).sum(1) / self.counts[uniq].unsqueeze(-1)
        return vectors[inverse]

    def table(self) -> torch.Tensor:
        return self.ngrams(self.ngram_ids).sum(1) / self.counts.unsqueeze(-1)


class PretrainedPieces(nn.Module):
    """A frozen table of pretrained vectors per piece (`pretrained.input_piece_vectors` or `encoder_piece_vectors`) and
    a trained projection to the model's width; its output is added to the trained piece embedding. The table is a
    persistent buffer, so a checkpoint carries it and `ConvTagger.fold_inputs` needs nothing else."""

    def __init__(self, table: torch.Tensor, dim: int):
        super().__init__()
        self.register_buffer("table", table)
        self.projection = nn.Linear(table.shape[1], dim, bias=False)

    def forward(self, input_ids: torch.Tensor) -> torch.Tensor:
        return self.projection(self.table[input_ids])

    def folded(self) -> torch.Tensor:
        return self.projection(self.table)


class ConvTagger(nn.Module):
    def __init__(self, vocab_size: int, num_labels: int, dim: int = 128, dilations: tuple[int, ...] = (1, 2, 4),
                 kernel: int = 3, dropout: float = 0.2, block: str = "full", spelling: PieceSpelling | None = None,
                 pretrained: PretrainedPieces | None = None):
        super().__init__()
        self.block = block
        self.embeddings = nn.Embedding(vocab_size, dim, padding_idx=0)
        self.spelling = spelling
        self.pretrained = pretrained
        self.case_embeddings = nn.Embedding(NUM_CASE_IDS, dim, padding_idx=0)
        self.dropout = nn.Dropout(dropout)
        if block == "full":
            # one dense convolution per layer: dim -> 2*dim over `kernel` positions
            self.convs = nn.ModuleList(
                nn.Conv1d(dim, 2 * dim, kernel, padding=d * (kernel - 1) // 2, dilation=d) for d in dilations)
            self.pointwise = None
        elif block == "separable":
            # depthwise (per channel, over `kernel` positions) then pointwise (dim -> 2*dim at each position): about a
            # third of the full block's multiply-adds per layer, so more layers fit in the same inference time
            self.convs = nn.ModuleList(
                nn.Conv1d(dim, dim, kernel, padding=d * (kernel - 1) // 2, dilation=d, groups=dim) for d in dilations)
            self.pointwise = nn.ModuleList(nn.Conv1d(dim, 2 * dim, 1) for _ in dilations)
        else:
            raise ValueError(f"unknown block {block!r}")
        self.norms = nn.ModuleList(nn.LayerNorm(dim) for _ in dilations)
        self.classifier = nn.Linear(dim, num_labels)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor, case_ids: torch.Tensor) -> torch.Tensor:
        mask = attention_mask.unsqueeze(-1).to(torch.float32)
        x = self.embeddings(input_ids) + self.case_embeddings(case_ids)
        if self.spelling is not None:
            x = x + self.spelling(input_ids)
        if self.pretrained is not None:
            x = x + self.pretrained(input_ids)
        x = x * mask
        for k, (conv, norm) in enumerate(zip(self.convs, self.norms)):
            y = conv(self.dropout(x).transpose(1, 2))
            if self.pointwise is not None:
                y = self.pointwise[k](y)
            a, b = y.chunk(2, dim=1)
            y = (a * torch.sigmoid(b)).transpose(1, 2)
            x = norm(x + y) * mask
        return self.classifier(self.dropout(x))

    @torch.no_grad()
    def fold_inputs(self) -> None:
        """Adds the spelling features and the projected pretrained vectors (each a function of the piece id alone) to
        the piece embedding table and drops them: same logits, plain graph."""
        for table in (self.spelling.table() if self.spelling is not None else None,
                      self.pretrained.folded() if self.pretrained is not None else None):
            if table is not None:
                table[self.embeddings.padding_idx] = 0
                self.embeddings.weight += table
        self.spelling = None
        self.pretrained = None
