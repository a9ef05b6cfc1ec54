/**
 * The fixed Python of the script `toPyTorch` writes: imports, then the safetensors reader and writer,
 * the model loader, `forward`, `train` (DistributedDataParallel under torchrun) and the command line.
 * The model's layers and the defaults go between the two parts.
 */
const imports = String.raw`import argparse
import json
import os
import struct
import sys

import torch
import torch.distributed as dist
from torch import nn
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data import DataLoader, DistributedSampler, TensorDataset

HERE = os.path.dirname(os.path.abspath(__file__))
`;

const functions = String.raw`

DTYPES = {
    "F64": torch.float64, "F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16,
    "I64": torch.int64, "I32": torch.int32, "I16": torch.int16, "I8": torch.int8,
    "U8": torch.uint8, "BOOL": torch.bool,
}
DTYPE_NAMES = {dtype: name for name, dtype in DTYPES.items()}


def load_safetensors(path):
    """Read a safetensors file: {name: tensor}. 8-byte little-endian header length, JSON header, raw data."""
    with open(path, "rb") as f:
        blob = f.read()
    (n,) = struct.unpack("<Q", blob[:8])
    header = json.loads(blob[8:8 + n])
    header.pop("__metadata__", None)
    data = bytearray(blob[8 + n:])  # writable, as torch.frombuffer wants
    tensors = {}
    for name, info in header.items():
        dtype = DTYPES[info["dtype"]]
        begin, end = info["data_offsets"]
        size = torch.empty(0, dtype=dtype).element_size()
        if end == begin:
            tensor = torch.empty(info["shape"], dtype=dtype)
        else:
            tensor = torch.frombuffer(data, dtype=dtype, count=(end - begin) // size, offset=begin)
        tensors[name] = tensor.reshape(info["shape"]).clone()
    return tensors


def _raw_bytes(tensor):
    flat = tensor.detach().cpu().contiguous().reshape(-1).view(torch.uint8)
    try:
        return flat.numpy().tobytes()
    except (ImportError, RuntimeError):
        return bytes(flat.tolist())


def save_safetensors(tensors, path, metadata=None):
    """Write {name: tensor} as a safetensors file (header padded to 8 bytes, data little-endian)."""
    assert sys.byteorder == "little", "safetensors data is little-endian"
    header = {}
    if metadata:
        header["__metadata__"] = {str(k): str(v) for k, v in metadata.items()}
    chunks, offset = [], 0
    for name, tensor in tensors.items():
        raw = _raw_bytes(tensor)
        header[name] = {"dtype": DTYPE_NAMES[tensor.dtype], "shape": list(tensor.shape),
                        "data_offsets": [offset, offset + len(raw)]}
        chunks.append(raw)
        offset += len(raw)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for raw in chunks:
            f.write(raw)


def in_here(path):
    return path if os.path.isabs(path) else os.path.join(HERE, path)


def load_model(path):
    """build_model() with the weights of a safetensors file, in their dtype (float64 from Neurogebra)."""
    state = load_safetensors(path)
    model = build_model().to(next(iter(state.values())).dtype)
    model.load_state_dict(state)
    return model


def forward(args):
    model = load_model(args.weights)
    x = load_safetensors(args.input)["input"].to(next(model.parameters()).dtype)
    model.eval()  # dropout off, batch norm on its running statistics
    with torch.no_grad():
        y = model(x)
    save_safetensors({"output": y}, args.output)


def training_data(path, dtype):
    if path is None:
        if EMBEDDED_X is None:
            sys.exit("train: this script has no embedded data; pass --data file.safetensors (tensors X and y)")
        return torch.tensor(EMBEDDED_X, dtype=dtype), torch.tensor(EMBEDDED_Y, dtype=torch.int64)
    tensors = load_safetensors(path)
    return tensors["X"].to(dtype), tensors["y"].to(torch.int64)


def train(args):
    distributed = "RANK" in os.environ and "WORLD_SIZE" in os.environ  # set by torchrun
    cuda = torch.cuda.is_available()
    if distributed:
        dist.init_process_group("nccl" if cuda else "gloo")
        rank, world = dist.get_rank(), dist.get_world_size()
        local_rank = int(os.environ.get("LOCAL_RANK", "0"))
    else:
        rank, world, local_rank = 0, 1, 0
    device = torch.device("cuda", local_rank) if cuda else torch.device("cpu")
    torch.manual_seed(args.seed)
    model = load_model(args.weights).to(device)
    dtype = next(model.parameters()).dtype
    net = model
    if distributed:
        net = DistributedDataParallel(model, device_ids=[local_rank] if cuda else None)
    X, y = training_data(args.data, dtype)
    dataset = TensorDataset(X, y)
    sampler = DistributedSampler(dataset, world, rank, shuffle=True, seed=args.seed) if distributed else None
    loader = DataLoader(dataset, batch_size=args.batch_size, shuffle=sampler is None, sampler=sampler,
                        generator=torch.Generator().manual_seed(args.seed))
    if args.optimizer == "adam":
        optimizer = torch.optim.Adam(net.parameters(), lr=args.lr)
    else:
        optimizer = torch.optim.SGD(net.parameters(), lr=args.lr)
    loss_fn = nn.CrossEntropyLoss()
    for epoch in range(args.epochs):
        if sampler is not None:
            sampler.set_epoch(epoch)
        totals = torch.zeros(2, dtype=torch.float64, device=device)  # summed loss, samples
        for xb, yb in loader:
            xb, yb = xb.to(device), yb.to(device)
            optimizer.zero_grad()
            loss = loss_fn(net(xb), yb)
            loss.backward()  # DDP averages the gradients of all processes here
            optimizer.step()
            totals += torch.tensor([loss.item() * len(yb), len(yb)], dtype=torch.float64, device=device)
        if distributed:
            dist.all_reduce(totals)
        if rank == 0:
            print(f"epoch {epoch + 1}/{args.epochs}: mean loss {(totals[0] / totals[1]).item():.6f}"
                  f" ({world} process{'es' if world > 1 else ''}, {'cuda' if cuda else 'cpu'})", flush=True)
    if rank == 0:
        save_safetensors(model.state_dict(), args.output,
                         {"epochs": args.epochs, "world_size": world, "optimizer": args.optimizer})
        print(f"wrote {args.output}", flush=True)
    if distributed:
        dist.barrier()
        dist.destroy_process_group()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    t = commands.add_parser("train", help="train further (DistributedDataParallel under torchrun)")
    t.add_argument("--weights", default=in_here(WEIGHTS), help="safetensors file to start from")
    t.add_argument("--data", default=None, help="safetensors file with X [n, features] and y [n] (default: embedded)")
    t.add_argument("--output", default=in_here(TRAINED), help="where rank 0 writes the trained weights")
    t.add_argument("--epochs", type=int, default=EPOCHS)
    t.add_argument("--batch-size", type=int, default=BATCH_SIZE, help="per process")
    t.add_argument("--lr", type=float, default=LR)
    t.add_argument("--optimizer", choices=["adam", "sgd"], default=OPTIMIZER)
    t.add_argument("--seed", type=int, default=0)
    f = commands.add_parser("forward", help="run the model on tensor 'input' of a safetensors file")
    f.add_argument("--weights", default=in_here(WEIGHTS))
    f.add_argument("--input", required=True)
    f.add_argument("--output", required=True, help="safetensors file for tensor 'output'")
    args = parser.parse_args(argv)
    if args.command == "train":
        train(args)
    else:
        forward(args)


if __name__ == "__main__":
    main()
`;

/** The two fixed parts of the generated script. */
export const PYTHON_BODY = { imports, functions } as const;
