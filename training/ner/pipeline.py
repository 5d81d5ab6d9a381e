#!/usr/bin/python3
"""StealthRelay NER pipeline steps: vocab -> train -> export -> evaluate. Run by train.sh; see README.md."""
from __future__ import annotations

import argparse
import json
import math
import os
import random
import shutil
import sys
import time
from collections import Counter

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from nerpipe.data import (corpus_paths, read_conll, read_span_jsonl, sentence_text_and_spans, to_words,  # noqa: E402
                          TYPE_TO_LABEL)
from nerpipe.encode import IGNORE, encode_words, predict_texts, viterbi_labels  # noqa: E402
from nerpipe.model import ConvTagger, PieceSpelling, PretrainedPieces  # noqa: E402
from nerpipe.pretrained import encoder_piece_vectors, input_piece_vectors, load_encoder, load_vocab  # noqa: E402
from nerpipe.tokenizer import NUM_CASE_IDS, WordPiece, basic_words, case_id  # noqa: E402
from nerpipe.vocab_builder import build_vocab  # noqa: E402

LABELS = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-ADDR", "I-ADDR"]
LANGS = ["en", "de", "fr", "nl"]
DO_LOWER_CASE = True
MAX_POSITIONS = 512
TRAIN_MAX_PIECES = 128
SEED = 13


def log(msg: str) -> None:
    print(time.strftime("%H:%M:%S"), msg, flush=True)


def seed_everything(seed: int = SEED) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def training_sentences(paths: dict, split: str, synth_limit: int | None = None) -> dict[str, list]:
    """All corpora of one split as {name: [(tokens, tags)]}; tokens are the corpus tokens (not yet re-split)."""
    out = {}
    for lang in LANGS:
        out[f"wikiann-{lang}"] = read_conll(paths["wikiann"][lang][split], lang_prefix=True)
    out["wnut17"] = read_conll(paths["wnut"][split], lang_prefix=False, wnut=True)
    for lang in LANGS:
        sents = read_conll(paths["synth"][lang][split], lang_prefix=True)
        out[f"synth-{lang}"] = sents[:synth_limit] if synth_limit else sents
    return out


# ---------------------------------------------------------------- pretrained piece vectors
def cmd_pretrained(args) -> None:
    """work/pretrained.npy: per piece of work/vocab.txt, the source encoder's vector for it (`--mode`), standardised."""
    wp = WordPiece.load(args.vocab)
    source_vocab = load_vocab(os.path.join(args.source, "vocab.txt"))
    weights = load_encoder(os.path.join(args.source, "model.onnx"))
    if len(source_vocab) != weights["embeddings.word_embeddings.weight"].shape[0]:
        raise SystemExit(f"{args.source}: the vocabulary and the embedding table differ in size")
    if args.mode == "encoder":
        torch.set_num_threads(args.threads)
        vectors, stats = encoder_piece_vectors(wp.vocab, source_vocab, weights, heads=args.heads)
    else:
        vectors, stats = input_piece_vectors(wp.vocab, source_vocab, weights)
    np.save(args.pretrained_out, vectors)
    log(f"pretrained piece vectors {vectors.shape} -> {args.pretrained_out}: {stats['exact']} pieces found as written, "
        f"{stats['split']} split into source pieces, {stats['none']} not covered, {stats['special']} special")


# ---------------------------------------------------------------- vocab
def cmd_vocab(args) -> None:
    paths = corpus_paths(args.shared, args.synth)
    counts: Counter = Counter()
    for name, sents in training_sentences(paths, "train").items():
        for toks, _ in sents:
            for tok in toks:
                for w, _, _ in basic_words(tok, DO_LOWER_CASE):
                    counts[w] += 1
    log(f"vocab: {len(counts)} distinct words")
    vocab = build_vocab(counts, args.size)
    with open(args.vocab, "w", encoding="utf-8") as f:
        f.write("\n".join(vocab) + "\n")
    wp = WordPiece(vocab)
    total = sum(counts.values())
    unk = sum(c for w, c in counts.items() if wp.word_ids(w) == [wp.unk_id])
    pieces = sum(c * len(wp.word_ids(w)) for w, c in counts.items())
    log(f"vocab: {len(vocab)} entries -> {args.vocab}; {pieces / total:.2f} pieces/word, UNK words {unk / total:.4%}")


# ---------------------------------------------------------------- train
def encode_corpus(sents, wp: WordPiece, lab2id: dict) -> list[tuple]:
    """(ids, labels, case_ids as written, case_ids of the UPPER-cased text, case_ids of the lower-cased text)."""
    out = []
    for sent in sents:
        words, labels, originals = to_words(sent, DO_LOWER_CASE)
        variants = [[case_id(o) for o in originals], [case_id(o.upper()) for o in originals],
                    [case_id(o.lower()) for o in originals]]
        chunks = [encode_words(words, [lab2id[x] for x in labels], wp, TRAIN_MAX_PIECES, v) for v in variants]
        for (ids, lab, _, _, cas), up, low in zip(*chunks):
            if len(ids) > 2:
                out.append((ids, lab, np.array(cas, dtype=np.int8), np.array(up[4], dtype=np.int8),
                            np.array(low[4], dtype=np.int8)))
    return out


def make_batches(examples, max_tokens: int, rng: random.Random):
    """Batches of identical-length sequences (no padding, exactly like unpadded inference), shuffled."""
    by_len: dict[int, list[int]] = {}
    for k, (ids, *_) in enumerate(examples):
        by_len.setdefault(len(ids), []).append(k)
    batches = []
    for length, ks in by_len.items():
        rng.shuffle(ks)
        per = max(1, max_tokens // length)
        batches.extend(ks[i:i + per] for i in range(0, len(ks), per))
    rng.shuffle(batches)
    return batches


def word_f1(model, dev, wp, lab2id) -> float:
    """Micro span F1 over words on encoded dev examples (first-piece label probabilities, constrained Viterbi as at
    run time), all types."""
    model.eval()
    tp = fp = fn = 0
    with torch.no_grad():
        by_len: dict[int, list[int]] = {}
        for k, (ids, *_) in enumerate(dev):
            by_len.setdefault(len(ids), []).append(k)
        for length, ks in by_len.items():
            for b in range(0, len(ks), 64):
                chunk = [dev[k] for k in ks[b:b + 64]]
                ids = torch.tensor([c[0] for c in chunk])
                cas = torch.from_numpy(np.stack([c[2] for c in chunk]).astype(np.int64))
                probs = torch.softmax(model(ids, torch.ones_like(ids), cas), -1).numpy()
                for (_, lab, *_), p in zip(chunk, probs):
                    pos = [i for i, x in enumerate(lab) if x != IGNORE]
                    g = _spans([LABELS[lab[i]] for i in pos])
                    s = _spans([LABELS[x] for x in viterbi_labels(p[pos], LABELS)])
                    tp += len(g & s)
                    fp += len(s - g)
                    fn += len(g - s)
    model.train()
    return 2 * tp / max(1, 2 * tp + fp + fn)


def _spans(labels: list[str]) -> set:
    from nerpipe.encode import decode_spans
    return set(decode_spans(labels, [(i, i + 1) for i in range(len(labels))]))


def case_variant(roll: float, upper_rate: float, lower_rate: float) -> int:
    """Index into an encoded example of the case_ids to train on: 3 = UPPER-cased, 4 = lower-cased, 2 = as written."""
    if roll < upper_rate:
        return 3
    return 4 if roll < upper_rate + lower_rate else 2


def cmd_train(args) -> None:
    seed_everything(args.seed)
    torch.set_num_threads(args.threads)
    wp = WordPiece.load(args.vocab)
    lab2id = {x: i for i, x in enumerate(LABELS)}
    paths = corpus_paths(args.shared, args.synth)
    train_sets = training_sentences(paths, "train", synth_limit=args.synth_limit)
    dev_sets = training_sentences(paths, "dev")
    train = []
    for name, sents in train_sets.items():
        enc = encode_corpus(sents, wp, lab2id)
        repeat = 2 if name == "wnut17" else args.synth_repeat if name.startswith("synth-") else 1
        train.extend(enc * repeat)
        log(f"train {name}: {len(sents)} sentences -> {len(enc)} sequences x{repeat}")
    dev = {}
    drng = random.Random(SEED)
    for name, sents in dev_sets.items():
        sents = list(sents)
        drng.shuffle(sents)
        dev[name] = encode_corpus(sents[:args.dev_per_corpus], wp, lab2id)
        # --dev-rest: the public corpora's dev sentences that model selection does not read are training data too
        # (WikiANN's dev splits hold 10,000 sentences per language, selection reads 300). The synthetic dev split is
        # left out: its shapes are held out from training on purpose, so selection can see memorised templates.
        if args.dev_rest and not name.startswith("synth-"):
            rest = encode_corpus(sents[args.dev_per_corpus:], wp, lab2id)
            repeat = 2 if name == "wnut17" else 1
            train.extend(rest * repeat)
            log(f"train {name} (dev rest): {len(sents) - args.dev_per_corpus} sentences -> {len(rest)} sequences x{repeat}")
    log(f"train sequences {len(train)}, pieces {sum(len(x[0]) for x in train)}; dev corpora {len(dev)}")
    counts = Counter(int(c) for x in train for c in x[2])
    log("train case_ids (as written): " + " ".join(f"{k}={v}" for k, v in sorted(counts.items())))

    dilations = tuple(int(x) for x in args.dilations.split(","))
    spelling = PieceSpelling(wp.vocab, args.dim, args.spelling_buckets) if args.spelling_buckets else None
    pretrained = None
    if args.pretrained:
        table = torch.from_numpy(np.load(args.pretrained))
        if table.shape[0] != len(wp.vocab):
            raise SystemExit(f"{args.pretrained}: {table.shape[0]} rows for a vocabulary of {len(wp.vocab)}")
        pretrained = PretrainedPieces(table, args.dim)
    model = ConvTagger(len(wp.vocab), len(LABELS), dim=args.dim, dilations=dilations, kernel=args.kernel, block=args.block,
                       dropout=args.dropout, spelling=spelling, pretrained=pretrained)
    log(f"parameters: {sum(p.numel() for p in model.parameters()):,} trained"
        + (f", pretrained table {tuple(pretrained.table.shape)} frozen" if pretrained is not None else ""))
    opt = torch.optim.Adam(model.parameters(), lr=args.lr)
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=IGNORE)
    rng = random.Random(args.seed)
    aug_rng = random.Random(args.seed + 1)
    start = time.time()
    budget = args.minutes * 60
    # --steps: a fixed number of steps (learning-rate schedule and dev checks by step), so the result does not depend
    # on the machine's load; --minutes is then only a safety cap. Without it, the wall clock is the budget.
    by_steps = args.steps > 0
    eval_every_steps = args.eval_every_steps or max(1, args.steps // 40)
    best, best_step, step, epoch, seen = -1.0, 0, 0, 0, 0
    next_eval = eval_every_steps if by_steps else args.eval_every_min * 60
    done = False
    # one running mean per --average-from fraction, written as model.avg<percent>.pt
    averages = [{"pct": round(float(x) * 100), "from": int(args.steps * float(x)), "n": 0, "w": {}}
                for x in (args.average_from.split(",") if by_steps and args.average_from else [])]
    model.train()
    while not done:
        epoch += 1
        for batch in make_batches(train, args.batch_tokens, rng):
            elapsed = time.time() - start
            frac = min(1.0, step / args.steps) if by_steps else min(1.0, elapsed / budget)
            lr = args.lr * max(0.03, 0.5 * (1 + math.cos(math.pi * frac)))
            for g in opt.param_groups:
                g["lr"] = lr
            ids = torch.tensor([train[k][0] for k in batch])
            labels = torch.tensor([train[k][1] for k in batch])
            # case augmentation: some sequences are seen as if written in UPPER or lower case, so the model uses
            # case as a hint, not a requirement (the piece ids are lower-cased and do not change)
            variant = [case_variant(aug_rng.random(), args.upper_rate, args.lower_rate) for _ in batch]
            cas = torch.from_numpy(np.stack([train[k][v] for k, v in zip(batch, variant)]).astype(np.int64))
            if args.unk_rate > 0:
                # word-piece dropout: teach the model to use context when a name is split oddly or unknown
                drop = (torch.rand(ids.shape) < args.unk_rate) & (ids > 4)
                ids = torch.where(drop, torch.full_like(ids, wp.unk_id), ids)
            logits = model(ids, torch.ones_like(ids), cas)
            loss = loss_fn(logits.reshape(-1, len(LABELS)), labels.reshape(-1))
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
            step += 1
            seen += ids.numel()
            if step % args.average_every == 0:
                # running means of the weights over the last part of training (stochastic weight averaging): one
                # model, no extra inference cost, less dependent on where the last steps happened to stop
                for a in averages:
                    if step >= a["from"]:
                        a["n"] += 1
                        for k, v in model.state_dict().items():
                            a["w"][k] = v.detach().clone() if a["n"] == 1 else a["w"][k] + (v.detach() - a["w"][k]) / a["n"]
            if step % 50 == 0:
                log(f"epoch {epoch} step {step} pieces {seen} loss {loss.item():.4f} lr {lr:.5f} "
                    f"elapsed {elapsed / 60:.1f} min")
            elapsed = time.time() - start
            finished = step >= args.steps if by_steps else elapsed >= budget
            if by_steps and not finished and elapsed >= budget:
                log(f"time cap of {args.minutes} min reached at step {step} of {args.steps}: stopping early")
                finished = True
            if (step >= next_eval if by_steps else elapsed >= next_eval) or finished:
                # macro average over corpora, so the easy, entity-dense synthetic dev does not dominate selection
                per = {name: word_f1(model, d, wp, lab2id) for name, d in dev.items()}
                f1 = sum(per.values()) / len(per)
                log(f"dev macro span F1 {f1:.4f} at step {step} (epoch {epoch}): "
                    + " ".join(f"{k}={v:.3f}" for k, v in per.items()))
                if f1 > best:
                    best, best_step = f1, step
                    torch.save(model.state_dict(), args.out)
                next_eval = step + eval_every_steps if by_steps else elapsed + args.eval_every_min * 60
                if finished:
                    done = True
                    break
    meta = {"best_dev_f1": best, "best_step": best_step, "steps": step, "step_budget": args.steps, "epochs": epoch,
            "train_minutes": (time.time() - start) / 60, "dim": args.dim, "dilations": list(dilations),
            "kernel": args.kernel, "block": args.block, "vocab_size": len(wp.vocab), "train_pieces_seen": seen,
            "dropout": args.dropout, "lr": args.lr, "batch_tokens": args.batch_tokens, "synth_limit": args.synth_limit,
            "upper_rate": args.upper_rate, "lower_rate": args.lower_rate, "unk_rate": args.unk_rate,
            "spelling_buckets": args.spelling_buckets, "seed": args.seed,
            "pretrained_dim": int(pretrained.table.shape[1]) if pretrained is not None else 0,
            "inputs": ["input_ids", "attention_mask", "case_ids"]}
    with open(args.out + ".json", "w") as f:
        json.dump(meta, f, indent=2)
    # the last step's weights too (model.last.pt), so a candidate can also be judged without dev-set selection:
    # `--checkpoint model.last.pt export` / `evaluate`
    last = os.path.join(os.path.dirname(args.out), "model.last.pt")
    torch.save(model.state_dict(), last)
    with open(last + ".json", "w") as f:
        json.dump(meta, f, indent=2)
    for a in averages:
        # model.avg<percent>.pt: averaged weights, judged like any checkpoint (`--checkpoint model.avg50.pt export`)
        if not a["n"]:
            continue
        model.load_state_dict(a["w"])
        per = {name: word_f1(model, d, wp, lab2id) for name, d in dev.items()}
        log(f"averaged weights ({a['n']} snapshots from step {a['from']}): dev macro span F1 "
            f"{sum(per.values()) / len(per):.4f}: " + " ".join(f"{k}={v:.3f}" for k, v in per.items()))
        path = os.path.join(os.path.dirname(args.out), f"model.avg{a['pct']}.pt")
        torch.save(a["w"], path)
        with open(path + ".json", "w") as f:
            json.dump(dict(meta, averaged_snapshots=a["n"], average_from_step=a["from"]), f, indent=2)
    log(f"training done: {meta}")


# ---------------------------------------------------------------- export
def load_model(ckpt: str, wp: WordPiece) -> ConvTagger:
    """A checkpoint as the plain network the export writes: spelling features, if trained, are folded into the piece
    embeddings (same logits), so evaluation and export see exactly what the runtime will run."""
    with open(ckpt + ".json") as f:
        meta = json.load(f)
    buckets = meta.get("spelling_buckets", 0)
    spelling = PieceSpelling(wp.vocab, meta["dim"], buckets) if buckets else None
    pretrained_dim = meta.get("pretrained_dim", 0)
    # the frozen table is in the checkpoint (a persistent buffer): zeros here, filled by load_state_dict
    pretrained = PretrainedPieces(torch.zeros(len(wp.vocab), pretrained_dim), meta["dim"]) if pretrained_dim else None
    model = ConvTagger(len(wp.vocab), len(LABELS), dim=meta["dim"], dilations=tuple(meta["dilations"]),
                       kernel=meta["kernel"], block=meta.get("block", "full"), spelling=spelling, pretrained=pretrained)
    model.load_state_dict(torch.load(ckpt))
    model.fold_inputs()
    model.eval()
    return model


def load_model_from_onnx(model_dir: str, vocab_size: int) -> ConvTagger:
    """The exported network back in PyTorch, from model.onnx and config.json: evaluates a shipped model (e.g. after a
    decoding change) without its training checkpoint. Every weight is an initializer of the same name except the
    classifier's, which the export stores transposed as a MatMul operand."""
    import onnx
    from onnx import numpy_helper

    with open(os.path.join(model_dir, "config.json")) as f:
        config = json.load(f)
    model = ConvTagger(vocab_size, len(LABELS), dim=config["hidden_size"], dilations=tuple(config["dilations"]),
                       kernel=config["kernel_size"], block=config.get("block", "full"))
    weights = {i.name: torch.from_numpy(numpy_helper.to_array(i).copy())
               for i in onnx.load(os.path.join(model_dir, "model.onnx")).graph.initializer}
    state = model.state_dict()
    for name in state:
        if name == "classifier.weight":
            (matmul,) = [w for n, w in weights.items() if n not in state and tuple(w.shape) == tuple(state[name].shape[::-1])]
            state[name] = matmul.T.contiguous()
        else:
            state[name] = weights[name]
    model.load_state_dict(state)
    model.eval()
    return model


def cmd_export(args) -> None:
    import onnx

    wp = WordPiece.load(args.vocab)
    model = load_model(args.ckpt, wp)
    os.makedirs(args.model_dir, exist_ok=True)
    onnx_path = os.path.join(args.model_dir, "model.onnx")
    ids = torch.tensor([[wp.cls_id, 100, 200, 300, wp.sep_id]], dtype=torch.int64)
    mask = torch.ones_like(ids)
    cases = torch.tensor([[0, 2, 1, 3, 0]], dtype=torch.int64)
    torch.onnx.export(model, (ids, mask, cases), onnx_path, input_names=["input_ids", "attention_mask", "case_ids"],
                      output_names=["logits"], opset_version=14, do_constant_folding=True,
                      dynamic_axes={"input_ids": {0: "batch", 1: "sequence"},
                                    "attention_mask": {0: "batch", 1: "sequence"},
                                    "case_ids": {0: "batch", 1: "sequence"},
                                    "logits": {0: "batch", 1: "sequence"}})
    m = onnx.load(onnx_path)
    onnx.checker.check_model(m, full_check=True)
    ins = {i.name: i for i in m.graph.input}
    assert set(ins) == {"input_ids", "attention_mask", "case_ids"}, ins.keys()
    for i in ins.values():
        assert i.type.tensor_type.elem_type == onnx.TensorProto.INT64
    assert [o.name for o in m.graph.output] == ["logits"]
    shutil.copyfile(args.vocab, os.path.join(args.model_dir, "vocab.txt"))
    config = {
        "model_type": "conv-token-classification",
        "architectures": ["DilatedConvForTokenClassification"],
        "id2label": {str(i): x for i, x in enumerate(LABELS)},
        "label2id": {x: i for i, x in enumerate(LABELS)},
        "num_labels": len(LABELS),
        "max_position_embeddings": MAX_POSITIONS,
        "vocab_size": len(wp.vocab),
        "hidden_size": model.embeddings.embedding_dim,
        "num_hidden_layers": len(model.convs),
        "dilations": [c.dilation[0] for c in model.convs],
        "kernel_size": model.convs[0].kernel_size[0],
        # Pieces one output reads (every other op is per position): windows sharing this many pieces give exactly the
        # logits of one long sequence, so the runtime overlaps windows by this instead of a transformer's stride.
        "receptive_field": 1 + (model.convs[0].kernel_size[0] - 1) * sum(c.dilation[0] for c in model.convs),
        "pad_token_id": wp.pad_id,
        "label_scheme": "BIO, label of each word's first word piece",
        "case_ids": {"input": "case_ids", "num_case_ids": NUM_CASE_IDS,
                     "classes": ["pad/special", "lower", "Title", "UPPER", "mIxed", "digit", "punct/other"],
                     "rule": "class of the word's original text (before lower-casing); continuation pieces inherit"},
    }
    if model.block != "full":
        config["block"] = model.block  # absent = dense convolutions, as in every model before the option
    with open(os.path.join(args.model_dir, "config.json"), "w") as f:
        json.dump(config, f, indent=2)
        f.write("\n")
    tok_config = {
        "tokenizer_class": "BertTokenizer",
        "do_lower_case": DO_LOWER_CASE,
        "strip_accents": None,
        "tokenize_chinese_chars": True,
        "model_max_length": MAX_POSITIONS,
        "unk_token": "[UNK]", "sep_token": "[SEP]", "pad_token": "[PAD]", "cls_token": "[CLS]",
        "mask_token": "[MASK]",
        "max_input_chars_per_word": 100,
    }
    with open(os.path.join(args.model_dir, "tokenizer_config.json"), "w") as f:
        json.dump(tok_config, f, indent=2)
        f.write("\n")
    size = sum(os.path.getsize(os.path.join(args.model_dir, x)) for x in os.listdir(args.model_dir))
    log(f"exported {onnx_path} ({os.path.getsize(onnx_path) / 1e6:.2f} MB; folder {size / 1e6:.2f} MB); checker ok")
    # Write a reference input/output pair so an ONNX Runtime check (C#) can compare against torch.
    text = "Please summarise: Anna Schmidt from Siemens AG met JOHN SMITH in Paris at 221B Baker Street."
    words = basic_words(text, DO_LOWER_CASE)
    cases = [case_id(text[s:e]) for _, s, e in words]
    chunk = encode_words([w for w, _, _ in words], None, wp, MAX_POSITIONS, cases)[0]
    seq, cas = chunk[0], chunk[4]
    with torch.no_grad():
        logits = model(torch.tensor([seq]), torch.ones(1, len(seq), dtype=torch.int64), torch.tensor([cas]))[0].numpy()
    with open(os.path.join(args.work, "onnx_reference.json"), "w") as f:
        json.dump({"text": text, "input_ids": seq, "case_ids": cas, "logits": logits.tolist()}, f)


# ---------------------------------------------------------------- evaluate
def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(gold: list[list[tuple]], pred: list[list[tuple]]) -> dict:
    res = {}
    types = sorted({s[0] for g in gold for s in g})
    for t in types + ["ALL"]:
        tp = fp = fn = 0
        for g, p in zip(gold, pred):
            gs = {s for s in g if t == "ALL" or s[0] == t}
            ps = {s for s in p if t == "ALL" or s[0] == t}
            tp += len(gs & ps)
            fp += len(ps - gs)
            fn += len(gs - ps)
        pr, rc, f1 = prf(tp, fp, fn)
        res[t] = {"precision": round(pr, 4), "recall": round(rc, 4), "f1": round(f1, 4), "support": tp + fn}
    return res


def recase(text: str, mode: str) -> str:
    """Upper/lower-case without changing length (chars whose case mapping changes length are kept as is)."""
    f = str.upper if mode == "upper" else str.lower
    return "".join(f(c) if len(f(c)) == 1 else c for c in text)


def cmd_evaluate(args) -> None:
    torch.set_num_threads(args.threads)
    wp = WordPiece.load(os.path.join(args.model_dir, "vocab.txt"))
    if args.from_onnx:
        model = load_model_from_onnx(args.model_dir, len(wp.vocab))
        log(f"evaluating the exported {args.model_dir}/model.onnx (no checkpoint)")
    else:
        model = load_model(args.ckpt, wp)
    paths = corpus_paths(args.shared, args.synth)
    sets: dict[str, tuple[list[str], list[list[tuple]]]] = {}
    for lang in LANGS:
        pairs = [sentence_text_and_spans(s) for s in read_conll(paths["wikiann"][lang]["test"], lang_prefix=True)]
        sets[f"wikiann-{lang}"] = ([p[0] for p in pairs], [p[1] for p in pairs])
        if lang == "en":
            # real text re-cased: what a shouting ticket or a lower-case chat does to the case input
            for mode in ("upper", "lower"):
                sets[f"wikiann-en-{mode}"] = ([recase(p[0], mode) for p in pairs], [p[1] for p in pairs])
    pairs = [sentence_text_and_spans(s) for s in read_conll(paths["wnut"]["test"], lang_prefix=False, wnut=True)]
    sets["wnut17"] = ([p[0] for p in pairs], [p[1] for p in pairs])
    docs = read_span_jsonl(paths["synth_test_jsonl"])
    gold = [[(TYPE_TO_LABEL[s["type"]], s["start"], s["end"]) for s in d["spans"]] for d in docs]
    sets["synthetic"] = ([d["text"] for d in docs], gold)
    sets["synthetic-upper"] = ([recase(d["text"], "upper") for d in docs], gold)
    sets["synthetic-lower"] = ([recase(d["text"], "lower") for d in docs], gold)
    for lang in LANGS:
        sel = [i for i, d in enumerate(docs) if d["lang"] == lang]
        sets[f"synthetic-{lang}"] = ([docs[i]["text"] for i in sel], [gold[i] for i in sel])
    results = {}
    for name, (texts, gold) in sets.items():
        t0 = time.time()
        pred = predict_texts(model, wp, LABELS, texts, DO_LOWER_CASE, MAX_POSITIONS)
        results[name] = score(gold, pred)
        log(f"eval {name}: {len(texts)} texts in {time.time() - t0:.0f}s, ALL F1 {results[name]['ALL']['f1']}")
    with open(os.path.join(args.work, "metrics.json"), "w") as f:
        json.dump(results, f, indent=2)
    table = metrics_markdown(results)
    with open(os.path.join(args.model_dir, "metrics.md"), "w") as f:
        f.write(table)
    print(table)


def metrics_markdown(results: dict) -> str:
    names = {"PER": "PERSON", "LOC": "LOCATION", "ORG": "ORGANIZATION", "ADDR": "ADDRESS", "ALL": "all"}
    lines = ["| test set | entity | precision | recall | F1 | gold spans |", "|---|---|---:|---:|---:|---:|"]
    for ds, per in results.items():
        for t in ["PER", "LOC", "ORG", "ADDR", "ALL"]:
            if t in per:
                m = per[t]
                lines.append(f"| {ds} | {names[t]} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} | "
                             f"{m['support']} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default=os.path.join("..", "shared"))
    ap.add_argument("--work", default=os.path.join("training", "ner", "work"))
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--checkpoint", default="model.pt",
                    help="export/evaluate: the checkpoint file in --work (model.pt = best on dev; model.last.pt = last step)")
    sub = ap.add_subparsers(dest="cmd", required=True)
    v = sub.add_parser("vocab")
    v.add_argument("--size", type=int, default=12000)
    t = sub.add_parser("train")
    t.add_argument("--minutes", type=float, default=40.0)
    t.add_argument("--eval-every-min", type=float, default=5.0)
    t.add_argument("--steps", type=int, default=0,
                   help="train for this many steps (schedule by step, load-independent); --minutes becomes a cap")
    t.add_argument("--eval-every-steps", type=int, default=0, help="dev check interval with --steps (default steps/40)")
    t.add_argument("--dim", type=int, default=64)
    t.add_argument("--dilations", default="1,2,4")
    t.add_argument("--kernel", type=int, default=3)
    t.add_argument("--block", choices=["full", "separable"], default="full",
                   help="layer type: dense convolution, or depthwise + pointwise (fewer multiply-adds per layer)")
    t.add_argument("--lr", type=float, default=3e-3)
    t.add_argument("--batch-tokens", type=int, default=512)
    t.add_argument("--dropout", type=float, default=0.1)
    t.add_argument("--synth-limit", type=int, default=1000, help="synthetic train documents per language")
    t.add_argument("--unk-rate", type=float, default=0.03)
    t.add_argument("--upper-rate", type=float, default=0.15, help="share of sequences trained as if UPPER-cased")
    t.add_argument("--lower-rate", type=float, default=0.15, help="share of sequences trained as if lower-cased")
    t.add_argument("--dev-per-corpus", type=int, default=300)
    t.add_argument("--seed", type=int, default=SEED,
                   help="initial weights, batch order and augmentation (not which dev sentences selection reads)")
    t.add_argument("--average-from", default="",
                   help="with --steps: also keep the mean of the weights from this fraction of the steps on, "
                        "comma-separated for several (e.g. 0.5,0.75 -> model.avg50.pt, model.avg75.pt)")
    t.add_argument("--average-every", type=int, default=100, help="steps between two snapshots of the mean")
    t.add_argument("--synth-repeat", type=int, default=1,
                   help="times each synthetic train document is seen per pass (keeps its share with --dev-rest)")
    t.add_argument("--spelling-buckets", type=int, default=0,
                   help="add hashed character 2-4-gram embeddings of each piece (this many buckets; 0 = off); the "
                        "export folds them into the piece embeddings, so the ONNX graph is unchanged")
    t.add_argument("--dev-rest", action="store_true",
                   help="train on the WikiANN and WNUT17 dev sentences that model selection does not read")
    t.add_argument("--pretrained", default="",
                   help="a [vocab, D] .npy of frozen pretrained piece vectors (the `pretrained` step's output), added "
                        "through a trained projection; the export folds them into the piece embeddings")
    pr = sub.add_parser("pretrained")
    pr.add_argument("--source", required=True, help="folder with the source encoder's model.onnx and vocab.txt")
    pr.add_argument("--mode", choices=["input", "encoder"], default="input",
                    help="input: the source's input embeddings (averaged over the pieces it splits a piece into); "
                         "encoder: its last layer's output for each piece read alone")
    pr.add_argument("--heads", type=int, default=12, help="encoder: attention heads of the source encoder")
    sub.add_parser("export")
    e = sub.add_parser("evaluate")
    e.add_argument("--from-onnx", action="store_true",
                   help="evaluate the exported model.onnx of --model-dir instead of the training checkpoint")
    ap.add_argument("--model-dir", default=os.path.join("models", "stealthrelay-ner"))
    args = ap.parse_args()
    args.synth = os.path.join(args.work, "synth")
    args.vocab = os.path.join(args.work, "vocab.txt")
    args.out = os.path.join(args.work, "model.pt")
    args.ckpt = os.path.join(args.work, args.checkpoint)
    args.pretrained_out = os.path.join(args.work, "pretrained.npy")
    os.makedirs(args.work, exist_ok=True)
    {"vocab": cmd_vocab, "pretrained": cmd_pretrained, "train": cmd_train, "export": cmd_export, "evaluate": cmd_evaluate}[args.cmd](args)


if __name__ == "__main__":
    main()
