"""Reference reader for .lgc files, written from docs/FORMAT.md alone (no LGC code).

The command line of the package (``python3 -m lgc``, or ``tools/lgc_read.py`` in the repository):

    lgc_read.py FILE.lgc --verify                        every check; exit 0 only if intact
    lgc_read.py FILE.lgc --decode LATENTS.npy -o OUT.npy  decoder outputs, float32 [N, C, H, W] ([N, F] for a table)
    lgc_read.py FILE.lgc --sample N --seed S -o OUT.npz   N samples per class: x uint8 [.., C, H, W], y int64;
                                                          for a table x float32 [.., F] in the source's units,
                                                          plus feature_names and class_names

Needs numpy; decoding and sampling also need torch. Every mode first runs every check of
--verify except running the decoder, so a damaged file is never decoded. Exit codes: 0 success,
2 damaged file or bad input, 1 anything else.
"""

import argparse
import hashlib
import json
import math
import struct
import sys
import zlib

import numpy as np


class LgcError(Exception):
    """The file is not an intact LGC file; the message says what is wrong and where."""


def require(condition, message):
    if not condition:
        raise LgcError(message)


# ---------------------------------------------------------------------------------------------
# CRC32C (Castagnoli): reflected polynomial 0x82F63B78, init and final XOR 0xFFFFFFFF.
# zlib only has CRC32, so it is table-driven here, eight bits at a time.

def _crc32c_table():
    table = []
    for byte in range(256):
        crc = byte
        for _ in range(8):
            crc = (crc >> 1) ^ (0x82F63B78 if crc & 1 else 0)
        table.append(crc)
    return table


_CRC32C_TABLE = _crc32c_table()


def crc32c(data):
    crc = 0xFFFFFFFF
    table = _CRC32C_TABLE
    for b in data:
        crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF


assert crc32c(b"123456789") == 0xE3069283  # the check value from FORMAT.md


# ---------------------------------------------------------------------------------------------
# Strict JSON: RFC 8259 only (no NaN/Infinity), unique keys at every level.

def _unique_object(pairs):
    seen = {}
    for key, value in pairs:
        require(key not in seen, "duplicate JSON key %r" % key)
        seen[key] = value
    return seen


def _no_constants(name):
    raise LgcError("JSON holds %s, which is not JSON" % name)


_STRICT = json.JSONDecoder(object_pairs_hook=_unique_object, parse_constant=_no_constants)


MAX_JSON_DEPTH = 255  # objects and arrays, the outermost counting as 1 (FORMAT.md rule S11)


def check_json_values(value, what, depth=1):
    """Every string in a parsed JSON value, keys included, must be Unicode: an escaped surrogate
    ("\\ud800") that is not half of a pair survives json's decoding as a lone surrogate. Every
    integer must fit in 64 bits (signed), and objects and arrays nest at most 255 deep."""
    if isinstance(value, (dict, list)):
        require(depth <= MAX_JSON_DEPTH, "%s nests objects and arrays more than %d deep" % (what, MAX_JSON_DEPTH))
    if is_int(value):
        require(-2 ** 63 <= value < 2 ** 63, "%s holds the integer %d, beyond the 64-bit range JSON integers may "
                "take in this format" % (what, value))
    elif isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as e:
            raise LgcError("%s holds the unpaired surrogate escape \\u%04x" % (what, ord(value[e.start])))
    elif isinstance(value, dict):
        for key, item in value.items():
            check_json_values(key, what)
            check_json_values(item, what, depth + 1)
    elif isinstance(value, list):
        for item in value:
            check_json_values(item, what, depth + 1)


def parse_json_object(raw, what):
    """A JSON text (whitespace around it allowed, as RFC 8259 says) whose value is an object."""
    require(not raw.startswith(b"\xef\xbb\xbf"), "%s starts with a byte-order mark (EF BB BF); the format "
            "forbids one" % what)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise LgcError("%s is not valid UTF-8" % what)
    text = text.strip(" \t\n\r")
    try:
        value, end = _STRICT.raw_decode(text)
    except ValueError as e:
        raise LgcError("%s is not valid JSON (%s)" % (what, e))
    except RecursionError:
        raise LgcError("%s nests objects and arrays more than %d deep" % (what, MAX_JSON_DEPTH))
    require(end == len(text), "%s has bytes after its JSON" % what)
    require(isinstance(value, dict), "%s is not a JSON object" % what)
    check_json_values(value, what)
    return value


def is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


MAX_HEADER_INT = 2 ** 31 - 1  # every integer of the header, whatever its field's own limit
MAX_SPREAD = 100  # the most a file's optional header key 'spread' may recommend
DECODER_ARITHMETICS = ("layerwise", "fused")  # the optional header key 'decoder_arithmetic'; absent: layerwise


def header_int(low, high=MAX_HEADER_INT):
    """A check for an integer field of the header: a JSON integer (no fraction or exponent) in low..high."""
    return lambda v: is_int(v) and low <= v <= min(high, MAX_HEADER_INT)


def finite_number(v):
    """A JSON number (not a string, not a boolean) whose value float64 can hold: 1e400 or 10**400 is not."""
    if not isinstance(v, (int, float)) or isinstance(v, bool):
        return False
    try:
        return math.isfinite(float(v))
    except OverflowError:
        return False



# ---------------------------------------------------------------------------------------------
# The container (FORMAT.md, first part), checked in the documented order.

MAGIC = b"\x89LGC\r\n\x1a\n"
PREAMBLE = 28
TRAILER = 36
MIN_FILE = 74
MAX_SECTIONS = 65536
MIN_SECTION_RECORD = 28
MAX_HEADER_JSON = 16 << 20
MAX_SAFETENSORS_JSON = 100_000_000
DTYPES = {"F64": ("<f8", 8), "F32": ("<f4", 4), "F16": ("<f2", 2), "I8": ("i1", 1),
          "U8": ("u1", 1), "I32": ("<i4", 4), "I64": ("<i8", 8)}


def read_container(buf):
    """(header dict, {section name: {tensor name: ndarray}}) in file order; LgcError if damaged."""
    if buf[:8] != MAGIC:
        if buf[:4] == b"\x09LGC":
            raise LgcError("not an LGC file as written: the first byte lost its high bit (7-bit transfer)")
        if buf[1:4] == b"LGC":
            raise LgcError("damaged signature: line endings were converted (text-mode transfer)")
        raise LgcError("not an LGC file (wrong signature)")
    require(len(buf) >= 12, "truncated: %d bytes" % len(buf))
    major, minor = struct.unpack_from("<HH", buf, 8)
    require(major == 1, "written by a newer LGC, format %d.x; this reader knows 1.x" % major)
    require(len(buf) >= PREAMBLE, "truncated: %d bytes, shorter than the preamble" % len(buf))
    file_length, count, preamble_crc = struct.unpack_from("<QII", buf, 12)
    require(crc32c(buf[:24]) == preamble_crc, "preamble CRC32C mismatch")
    require(file_length >= MIN_FILE, "preamble declares %d bytes, less than the minimum" % file_length)
    require(len(buf) >= file_length, "truncated: %d of %d bytes" % (len(buf), file_length))
    require(len(buf) == file_length, "%d trailing bytes after the end" % (len(buf) - file_length))
    require(buf[-4:] == b"LGC!", "missing end marker")
    trailer_at = file_length - TRAILER

    pos = PREAMBLE
    (header_length,) = struct.unpack_from("<I", buf, pos)
    require(pos + 8 + header_length <= trailer_at, "header length %d runs past the trailer" % header_length)
    (header_crc,) = struct.unpack_from("<I", buf, pos + 4 + header_length)
    require(crc32c(buf[pos:pos + 4 + header_length]) == header_crc, "header CRC32C mismatch")
    require(header_length <= MAX_HEADER_JSON, "header JSON of %d bytes exceeds 16 MiB" % header_length)
    header_json = buf[pos + 4:pos + 4 + header_length]
    pos += 8 + header_length

    require(count <= MAX_SECTIONS, "%d sections; at most %d allowed" % (count, MAX_SECTIONS))
    require(count * MIN_SECTION_RECORD <= trailer_at - pos, "%d sections cannot fit in the file" % count)
    raw_sections = []
    names = set()
    for index in range(count):
        require(pos + 2 <= trailer_at, "section %d runs past the trailer" % index)
        (n,) = struct.unpack_from("<H", buf, pos)
        require(pos + 23 + n <= trailer_at, "section %d's frame runs past the trailer" % index)
        codec, stored, uncompressed, frame_crc = struct.unpack_from("<BQQI", buf, pos + 2 + n)
        require(crc32c(buf[pos:pos + 19 + n]) == frame_crc, "section %d frame CRC32C mismatch" % index)
        try:
            name = buf[pos + 2:pos + 2 + n].decode("utf-8")
        except UnicodeDecodeError:
            raise LgcError("section %d's name is not valid UTF-8" % index)
        require(1 <= n <= 255, "section %d's name has %d bytes, not 1..255" % (index, n))
        require(name not in names, "two sections named '%s'" % name)
        names.add(name)
        require(codec in (0, 1), "section '%s': codec %d, unknown to this reader" % (name, codec))
        start = pos + 23 + n
        require(stored <= trailer_at - start - 4, "section '%s' runs past the trailer" % name)
        payload = buf[start:start + stored]
        (payload_crc,) = struct.unpack_from("<I", buf, start + stored)
        require(crc32c(payload) == payload_crc, "section '%s' CRC32C mismatch" % name)
        if codec == 0:
            require(uncompressed == stored, "section '%s': stored and uncompressed lengths differ" % name)
        else:
            require(uncompressed <= 1032 * stored + 1024,
                    "section '%s' claims an impossible deflate ratio" % name)
        raw_sections.append((name, codec, payload, uncompressed))
        pos = start + stored + 4
    require(pos == trailer_at, "%d unexplained bytes before the trailer" % (trailer_at - pos))
    require(hashlib.sha256(buf[:trailer_at]).digest() == buf[trailer_at:trailer_at + 32],
            "SHA-256 mismatch: the file was modified")

    header = parse_json_object(header_json, "header")
    sections = {}
    for name, codec, payload, uncompressed in raw_sections:
        if codec == 1:
            payload = inflate(payload, uncompressed, name)
        sections[name] = read_safetensors(payload, name)
    return header, sections


def inflate(payload, expected, name):
    require(len(payload) >= 2 and payload[0] & 0x0F == 8 and (payload[0] << 8 | payload[1]) % 31 == 0,
            "section '%s': not a zlib stream" % name)
    require(not payload[1] & 0x20, "section '%s': zlib preset dictionary not allowed" % name)
    d = zlib.decompressobj()
    try:
        out = d.decompress(payload, expected + 1)
    except zlib.error as e:
        raise LgcError("section '%s': deflate data is damaged (%s)" % (name, e))
    require(d.eof and not d.unconsumed_tail and not d.unused_data,
            "section '%s': zlib stream does not end exactly at the payload's end" % name)
    require(len(out) == expected, "section '%s' inflates to %d bytes, not %d" % (name, len(out), expected))
    return out


MAX_I64 = 2 ** 63 - 1


def byte_length(shape, size):
    """Bytes of a tensor, or None if a product taken dimension by dimension from the first (as a reader
    computing in signed 64 bits does), or the final one times the element size, exceeds 2^63 - 1."""
    count = 1
    for dim in shape + [size]:
        count *= dim
        if count > MAX_I64:
            return None
    return count


def read_safetensors(payload, section):
    where = "section '%s'" % section
    require(len(payload) >= 8, "%s: payload shorter than 8 bytes" % where)
    (n,) = struct.unpack_from("<Q", payload, 0)
    require(n <= MAX_SAFETENSORS_JSON and 8 + n <= len(payload), "%s: JSON length %d too large" % (where, n))
    raw = payload[8:8 + n]
    require(raw[:1] == b"{", "%s: safetensors JSON must start with '{' at its first byte" % where)
    require(raw.rstrip(b" ")[-1:] == b"}", "%s: safetensors JSON must end with '}' followed only by spaces" % where)
    meta = parse_json_object(raw, where + " safetensors JSON")
    data = payload[8 + n:]
    extra = meta.pop("__metadata__", None)
    require(extra is None or (isinstance(extra, dict) and all(isinstance(v, str) for v in extra.values())),
            "%s: __metadata__ must map strings to strings" % where)
    spans = []
    tensors = {}
    for name, entry in meta.items():
        what = "%s: tensor '%s'" % (where, name)
        require(name != "", "%s: empty tensor name" % where)
        require(isinstance(entry, dict) and set(entry) == {"dtype", "shape", "data_offsets"},
                "%s must have exactly dtype, shape and data_offsets" % what)
        dtype, shape, offsets = entry["dtype"], entry["shape"], entry["data_offsets"]
        require(dtype in DTYPES, "%s has unknown dtype %r" % (what, dtype))
        require(isinstance(shape, list) and len(shape) <= 64 and all(is_int(s) and 0 <= s <= MAX_I64 for s in shape),
                "%s has an invalid shape %s" % (what, shape))
        require(isinstance(offsets, list) and len(offsets) == 2
                and all(is_int(o) and 0 <= o <= MAX_I64 for o in offsets), "%s has invalid data_offsets" % what)
        begin, end = offsets
        numpy_dtype, size = DTYPES[dtype]
        require(byte_length(shape, size) is not None,
                "%s: shape %s of %s needs more than 2^63 - 1 bytes" % (what, shape, dtype))
        require(begin <= end and end - begin == math.prod(shape) * size,
                "%s: data_offsets do not match its shape and dtype" % what)
        spans.append((begin, end, name))
        tensors[name] = (numpy_dtype, shape, begin, end)
    at = 0
    for begin, end, name in sorted(spans):
        require(begin == at, "%s: tensor data has a gap or overlap at byte %d" % (where, at))
        at = end
    require(at == len(data), "%s: %d unused bytes after the tensors" % (where, len(data) - at))
    return SectionTensors({name: np.frombuffer(data, dtype=t, count=math.prod(shape), offset=b).reshape(shape)
                           for name, (t, shape, b, e) in tensors.items()}, extra or {})


class SectionTensors(dict):
    """A section's tensors by name, and its __metadata__ (string to string) as ``metadata``."""

    def __init__(self, tensors, metadata):
        super().__init__(tensors)
        self.metadata = metadata


# ---------------------------------------------------------------------------------------------
# The LGC layer (FORMAT.md, second part).

MAX_ACTIVATION_VALUES = 1 << 26  # per sample, at any layer: a forged header must not exhaust memory
COVARIANCE_TYPES = ("full", "diag", "spherical", "tied", "lowrank")
LAYER_FIELDS = {"linear": ("in", "out"), "conv2d": ("in", "out", "kernel", "stride", "padding"),
                "relu": (), "sigmoid": (), "reshape": ("shape",), "upsample_nearest": ("scale",),
                "channel_group_mean": ("groups",), "max_pool": ("size",), "frequency_gain": ("rings",)}
MAX_FREQUENCY_SIDE = 512  # frequency_gain's largest image side


class Artifact:
    """An LGC file that passed every check: metadata, float32 decoder weights, per-class mixtures.

    kind is "images" (scale, offset map outputs to uint8 pixels) or "table" (columns, label_column
    name the columns; mean, std map standardised outputs back to the source's units)."""

    def __init__(self, header, classes, counts, components, sample_shape, scale, offset, latent_dim,
                 covariance_type, layers, precision, weights, mixtures, kind="images", columns=None,
                 label_column=None, mean=None, std=None, spread=None, decoder_arithmetic="layerwise"):
        self.kind = kind
        self.columns = columns
        self.label_column = label_column
        self.mean = mean            # float64 [F], tables only
        self.std = std
        self.header = header
        self.classes = classes
        self.counts = counts
        self.components = components
        self.sample_shape = sample_shape
        self.scale = scale
        self.offset = offset
        self.latent_dim = latent_dim
        self.covariance_type = covariance_type
        self.layers = layers
        self.precision = precision
        self.weights = weights      # {"layers.<i>.weight"|"layers.<i>.bias": float32 ndarray}
        self.mixtures = mixtures    # per class: (weights [K] float64, means [K, d], factors [K, d, d])
        self.spread = spread        # the spread the writer recommends drawing at (header 'spread'), if any
        self.decoder_arithmetic = decoder_arithmetic  # header 'decoder_arithmetic': "layerwise" (absent) or "fused"


def field(obj, key, check, what):
    require(isinstance(obj, dict) and key in obj, "invalid header: %s lacks '%s'" % (what, key))
    value = obj[key]
    require(check(value), "invalid header: %s.%s is invalid: %r" % (what, key, value))
    return value


positive_int = header_int(1)


def layer_output(op, layer, shape, i):
    """Shape after layer i, or LgcError if the input does not fit."""
    def fits(ok):
        require(ok, "invalid header: decoder layer %d (%s) cannot take input %s" % (i, op, list(shape)))
    if op == "linear":
        fits(shape == (layer["in"],))
        return (layer["out"],)
    if op == "conv2d":
        k, s, p = layer["kernel"], layer["stride"], layer["padding"]
        fits(len(shape) == 3 and shape[0] == layer["in"])
        h, w = (shape[1] + 2 * p - k) // s + 1, (shape[2] + 2 * p - k) // s + 1
        fits(shape[1] + 2 * p >= k and shape[2] + 2 * p >= k)
        return (layer["out"], h, w)
    if op in ("relu", "sigmoid"):
        return shape
    if op == "reshape":
        fits(math.prod(shape) == math.prod(layer["shape"]))
        return tuple(layer["shape"])
    if op == "upsample_nearest":
        fits(len(shape) == 3)
        return (shape[0], shape[1] * layer["scale"], shape[2] * layer["scale"])
    if op == "channel_group_mean":
        fits(len(shape) == 3 and shape[0] % layer["groups"] == 0)
        return (layer["groups"], shape[1], shape[2])
    if op == "max_pool":
        fits(len(shape) == 3 and shape[1] >= layer["size"] and shape[2] >= layer["size"])
        return (shape[0], shape[1] // layer["size"], shape[2] // layer["size"])
    if op == "frequency_gain":
        fits(len(shape) == 3 and shape[1] <= MAX_FREQUENCY_SIDE and shape[2] <= MAX_FREQUENCY_SIDE
             and ring_count(shape[1], shape[2]) == layer["rings"])
        return shape
    raise AssertionError(op)


def frequency_rings(h, w):
    """[h, w]: the ring of each frequency of an h x w image's 2-D DFT, round(sqrt(fu^2 + fv^2)) with
    fu = min(u, h - u), fv = min(v, w - v) (FORMAT.md, frequency_gain)."""
    fu = np.minimum(np.arange(h), h - np.arange(h))
    fv = np.minimum(np.arange(w), w - np.arange(w))
    return np.rint(np.sqrt(fu[:, None] ** 2 + fv[None, :] ** 2)).astype(np.int64)


def ring_count(h, w):
    return int(frequency_rings(h, w).max()) + 1


def parse_layers(decoder, latent_dim):
    """[(op, fields)] and every parameter's name and shape; checks that shapes chain."""
    require(isinstance(decoder, dict), "invalid header: decoder is not an object")
    input_shape = field(decoder, "input_shape", lambda v: isinstance(v, list) and all(map(positive_int, v)),
                        "decoder")
    require(input_shape == [latent_dim], "invalid header: decoder input %s is not [latent_dim]" % input_shape)
    raw = field(decoder, "layers", lambda v: isinstance(v, list), "decoder")
    shape = (latent_dim,)
    layers, parameters = [], {}
    for i, layer in enumerate(raw):
        what = "decoder layer %d" % i
        op = field(layer, "op", lambda v: v in LAYER_FIELDS, what)
        for key in LAYER_FIELDS[op]:
            if key == "shape":
                field(layer, key, lambda v: isinstance(v, list) and v and all(positive_int(s) for s in v), what)
            elif key == "padding":
                field(layer, key, header_int(0), what)
            else:
                field(layer, key, positive_int, what)
        shape = layer_output(op, layer, shape, i)
        require(math.prod(shape) <= MAX_ACTIVATION_VALUES, "invalid header: decoder layer %d (%s) produces %s "
                "values per sample; this reader decodes at most %d" % (i, op, list(shape), MAX_ACTIVATION_VALUES))
        if op == "linear":
            parameters["layers.%d.weight" % i] = (layer["out"], layer["in"])
            parameters["layers.%d.bias" % i] = (layer["out"],)
        elif op == "conv2d":
            parameters["layers.%d.weight" % i] = (layer["out"], layer["in"], layer["kernel"], layer["kernel"])
            parameters["layers.%d.bias" % i] = (layer["out"],)
        elif op == "frequency_gain":
            parameters["layers.%d.gain" % i] = (layer["rings"],)
        layers.append((op, layer))
    return layers, parameters, shape


def tensor(section, sname, name, dtype, shape):
    """The tensor called name, of the given dtype (or of any of a tuple of them) and shape."""
    require(name in section, "section '%s': no tensor '%s'" % (sname, name))
    t = section[name]
    allowed = (dtype,) if isinstance(dtype, str) else dtype
    found = [k for k, v in DTYPES.items() if np.dtype(v[0]) == t.dtype][0]
    require(found in allowed, "section '%s': tensor '%s' is %s, expected %s"
            % (sname, name, found, " or ".join(allowed)))
    require(tuple(t.shape) == tuple(shape), "section '%s': tensor '%s' has shape %s, expected %s"
            % (sname, name, list(t.shape), list(shape)))
    return t


def scale_tensor(section, sname, name, shape):
    """An int8 or int4 tensor's scales, stored in F32 or F16, as float32 (F16 widens exactly)."""
    return tensor(section, sname, name, ("F32", "F16"), shape).astype(np.float32)


def require_exactly(section, sname, expected, source):
    for name in section:
        require(name in expected, "section '%s': tensor '%s' is not part of %s" % (sname, name, source))
    for name in expected:
        require(name in section, "section '%s': no tensor '%s', which %s needs" % (sname, name, source))


def finite(values, sname, name):
    bad = np.flatnonzero(~np.isfinite(values))
    require(bad.size == 0, "section '%s': tensor '%s' holds %s at index %d"
            % (sname, name, values.reshape(-1)[bad[0]] if bad.size else None, bad[0] if bad.size else -1))


QUANTIZATION_LIMITS = {"int8": 127, "int4": 7}


def load_decoder(section, parameters, precision):
    expected = set(parameters)
    if precision in QUANTIZATION_LIMITS:
        expected |= {n + ".scale" for n in parameters if n.endswith(".weight")}
    require_exactly(section, "decoder", expected, "the header's decoder at " + precision)
    weights = {}
    for name, shape in parameters.items():
        is_weight = name.endswith(".weight")
        quantised = "I8" if is_weight else "F16"
        dtype = {"fp32": "F32", "fp16": "F16", "int8": quantised, "int4": quantised}[precision]
        t = tensor(section, "decoder", name, dtype, shape)
        if dtype == "I8":
            scale = scale_tensor(section, "decoder", name + ".scale", shape[:1])
            bad = np.flatnonzero(~(np.isfinite(scale) & (scale > 0)))
            require(bad.size == 0, "section 'decoder': tensor '%s.scale' holds scale %s for channel %d; "
                    "scales must be finite and positive" % (name, scale[bad[0]] if bad.size else 0,
                                                            bad[0] if bad.size else 0))
            limit = QUANTIZATION_LIMITS[precision]
            bad = np.flatnonzero(np.abs(t.reshape(-1).astype(np.int16)) > limit)
            require(bad.size == 0, "section 'decoder': tensor '%s' holds %d at index %d; %s weights are "
                    "symmetric, -%d..%d" % (name, t.reshape(-1)[bad[0]] if bad.size else 0, bad[0] if bad.size else 0,
                                            precision, limit, limit))
            with np.errstate(over="ignore"):
                values = t.astype(np.float32) * scale.reshape((-1,) + (1,) * (t.ndim - 1))
        else:
            values = t.astype(np.float32)
        finite(values, "decoder", name)
        weights[name] = values
    return weights


def lower_factor(block, covariance_type, d):
    if covariance_type in ("full", "tied"):
        factor = np.zeros((d, d))
        factor[np.tril_indices(d)] = block
        return factor
    return np.diag(np.broadcast_to(block, (d,)).astype(np.float64))


def int8_factors(section, name, shape, rows):
    """Covariance factors stored at int8 as float64: q * scale[block, row] in float32, where ``rows``
    gives each packed value's row (one scale per row, see docs/FORMAT.md)."""
    q = tensor(section, "mixtures", name, "I8", shape)
    scale = scale_tensor(section, "mixtures", name + ".scale", (shape[0], int(rows.max()) + 1))
    bad = np.flatnonzero(~(np.isfinite(scale) & (scale > 0)))
    require(bad.size == 0, "section 'mixtures': tensor '%s.scale' holds scale %s at index %d; scales must be "
            "finite and positive" % (name, scale.reshape(-1)[bad[0]] if bad.size else 0, bad[0] if bad.size else 0))
    bad = np.flatnonzero(q.reshape(-1) == -128)
    require(bad.size == 0, "section 'mixtures': tensor '%s' holds -128 at index %d; int8 values are symmetric, "
            "-127..127" % (name, bad[0] if bad.size else 0))
    with np.errstate(over="ignore"):
        values = (q.astype(np.float32) * scale[:, rows].astype(np.float32)).astype(np.float64)
    finite(values, "mixtures", name)
    return values


def low_rank_factor(block, d, rank):
    """The Cholesky factor of W^T W + diag(s^2), for a block of rank loading vectors w (d values each)
    followed by the d standard deviations s; every s must be > 0."""
    loadings = block[:rank * d].reshape(rank, d)
    deviations = block[rank * d:]
    require((deviations > 0).all(), "section 'mixtures': a low-rank block has a standard deviation <= 0; "
            "low-rank factors need positive ones")
    try:
        return np.linalg.cholesky(loadings.T @ loadings + np.diag(deviations ** 2))
    except np.linalg.LinAlgError:
        require(False, "section 'mixtures': a low-rank block's covariance is not positive definite in float64")


def factor_rows(covariance_type, d, rank=0):
    """The scale row of every packed factor value under int8: its matrix row (full, tied), its loading
    vector or the deviations (lowrank), else 0."""
    if covariance_type == "lowrank":
        return np.repeat(np.arange(rank + 1), d).astype(np.int64)
    if covariance_type in ("full", "tied"):
        return np.concatenate([np.full(i + 1, i) for i in range(d)]).astype(np.int64)
    per = d if covariance_type == "diag" else 1
    return np.zeros(per, dtype=np.int64)


def load_mixtures(section, components, d, covariance_type, precision, rank=0):
    classes = len(components)
    parts = ("weights", "means", "covariance_factors")
    expected = {"class.%d.%s" % (c, part) for c in range(classes) for part in parts}
    if precision == "int8":
        expected |= {"class.%d.covariance_factors.scale" % c for c in range(classes)}
    require_exactly(section, "mixtures", expected, "the header's %d classes" % classes)
    per = {"full": d * (d + 1) // 2, "tied": d * (d + 1) // 2, "diag": d, "spherical": 1,
           "lowrank": (rank + 1) * d}[covariance_type]
    rows = factor_rows(covariance_type, d, rank)
    mixtures = []
    for c, k in enumerate(components):
        name = "class.%d.weights" % c
        w = tensor(section, "mixtures", name, "F32", (k,)).astype(np.float64)
        finite(w, "mixtures", name)
        require((w >= 0).all(), "section 'mixtures': tensor '%s' holds a negative weight" % name)
        require(abs(w.sum() - 1) <= 1e-4, "section 'mixtures': tensor '%s' sums to %r, not 1" % (name, w.sum()))
        name = "class.%d.means" % c
        means = tensor(section, "mixtures", name, "F32" if precision == "fp32" else "F16", (k, d)).astype(np.float64)
        finite(means, "mixtures", name)
        name = "class.%d.covariance_factors" % c
        blocks = 1 if covariance_type == "tied" else k
        if precision == "int8":
            packed = int8_factors(section, name, (blocks, per), rows)
        else:
            packed = tensor(section, "mixtures", name, "F16" if precision == "fp16" else "F32",
                            (blocks, per)).astype(np.float64)
            finite(packed, "mixtures", name)
        if covariance_type == "lowrank":
            factors = np.stack([low_rank_factor(packed[j], d, rank) for j in range(k)])
        else:
            factors = np.stack([lower_factor(packed[0 if covariance_type == "tied" else j], covariance_type, d)
                                for j in range(k)])
        require((np.diagonal(factors, axis1=1, axis2=2) > 0).all(),
                "section 'mixtures': tensor '%s' has a diagonal entry <= 0; Cholesky factors need a positive "
                "diagonal" % name)
        mixtures.append((w / w.sum(), means, factors))
    return mixtures


def read_table_scaling(header, features):
    """A table's columns (features and label, file order), label column, and per-feature mean and std."""
    columns = field(header, "columns", lambda v: isinstance(v, list) and len(v) == features + 1
                    and all(isinstance(c, str) and c.strip() != "" for c in v) and len(set(v)) == len(v), "header")
    label = field(header, "label_column", lambda v: v in columns, "header")
    scaling = field(header, "feature_scaling", lambda v: isinstance(v, dict), "header")
    number = finite_number
    mean = field(scaling, "mean", lambda v: isinstance(v, list) and len(v) == features and all(map(number, v)),
                 "feature_scaling")
    std = field(scaling, "std", lambda v: isinstance(v, list) and len(v) == features
                and all(number(x) and x > 0 for x in v), "feature_scaling")
    return columns, label, np.array(mean, dtype=np.float64), np.array(std, dtype=np.float64)


def breaks_a_line(ch):
    """Control characters (Unicode category Cc) and the Unicode line and paragraph separators."""
    code = ord(ch)
    return code <= 0x1F or 0x7F <= code <= 0x9F or code in (0x2028, 0x2029)


def is_white_space(ch):
    """White space that is not a control character (FORMAT.md rule S8): U+0020, U+1680, U+2000..U+2006,
    U+2008..U+200A, U+205F, U+3000."""
    code = ord(ch)
    return code in (0x20, 0x1680, 0x205F, 0x3000) or 0x2000 <= code <= 0x2006 or 0x2008 <= code <= 0x200A


def check_class_names(names):
    """Non-empty, on one line, no white space at either end, unique: every output format writes a name as one
    line or one folder (FORMAT.md rule S8)."""
    first = {}
    for c, name in enumerate(names):
        require(name != "", "invalid header: classes[%d].name is empty" % c)
        bad = [ch for ch in name if breaks_a_line(ch)]
        require(not bad, "invalid header: classes[%d].name %r holds U+%04X; class names hold no control characters "
                "or line breaks" % (c, name, ord(bad[0]) if bad else 0))
        edge = [ch for ch in (name[0], name[-1]) if is_white_space(ch)]
        require(not edge, "invalid header: classes[%d].name %r begins or ends with U+%04X; class names have no "
                "surrounding white space" % (c, name, ord(edge[0]) if edge else 0))
        require(name not in first, "invalid header: classes[%d] and classes[%d] are both named %r; class names "
                "must be unique" % (first.get(name, 0), c, name))
        first[name] = c


INFORMATIONAL_KEYS = ("mixture_report", "provenance")


def with_about(header, sections):
    """The header with the informational keys of section 'about' (JSON text in its metadata) put back, as
    files from before that section hold them; keys of the section other than these are ignored."""
    if "about" not in sections:
        return header
    about = sections["about"]
    require(len(about) == 0, "section 'about' holds tensors (%s); it holds metadata only" % sorted(about))
    header = dict(header)
    for key in INFORMATIONAL_KEYS:
        if key not in about.metadata:
            continue
        require(key not in header, "'%s' is both in the header and in section 'about'" % key)
        value = parse_json_object(about.metadata[key].encode("utf-8"), "section 'about': metadata '%s'" % key)
        header[key] = value
    return header


def read_artifact(buf):
    header, sections = read_container(buf)
    header = with_about(header, sections)
    kind = header.get("kind")
    require(kind in ("images", "table"), "invalid header: kind is %r, expected 'images' or 'table'" % kind)
    classes = field(header, "classes", lambda v: isinstance(v, list) and len(v) > 0, "header")
    names, counts, components = [], [], []
    for c, entry in enumerate(classes):
        what = "classes[%d]" % c
        names.append(field(entry, "name", lambda v: isinstance(v, str), what))
        counts.append(field(entry, "count", header_int(0), what))
        components.append(field(entry, "components", header_int(1, 100000), what))
    check_class_names(names)
    rank = 1 if kind == "table" else 3
    sample_shape = tuple(field(header, "sample_shape",
                               lambda v: isinstance(v, list) and len(v) == rank and all(positive_int(s) for s in v),
                               "header"))
    scale = offset = None
    table = (None, None, None, None)
    if kind == "table":
        table = read_table_scaling(header, sample_shape[0])
    else:
        scaling = field(header, "pixel_scaling", lambda v: isinstance(v, dict), "header")
        field(scaling, "dtype", lambda v: v == "uint8", "pixel_scaling")
        number = finite_number
        scale = float(field(scaling, "scale", lambda v: number(v) and v != 0, "pixel_scaling"))
        offset = float(field(scaling, "offset", number, "pixel_scaling"))
    latent_dim = field(header, "latent_dim", positive_int, "header")
    covariance_type = field(header, "covariance_type", lambda v: v in COVARIANCE_TYPES, "header")
    rank = 0
    if covariance_type == "lowrank":
        rank = field(header, "covariance_rank", lambda v: positive_int(v) and v < latent_dim, "header")
    else:
        require("covariance_rank" not in header, "invalid header: covariance_rank applies only to covariance_type "
                "lowrank, not %r" % (covariance_type,))
    spread = None
    if "spread" in header:
        spread = float(field(header, "spread", lambda v: finite_number(v) and 0 < v <= MAX_SPREAD, "header"))
    decoder_arithmetic = "layerwise"
    if "decoder_arithmetic" in header:
        decoder_arithmetic = field(header, "decoder_arithmetic", lambda v: v in DECODER_ARITHMETICS, "header")
    precision = header.get("precision", {"decoder": "fp32", "mixtures": "fp32"})
    require(isinstance(precision, dict) and set(precision) == {"decoder", "mixtures"},
            "invalid header: 'precision' must be an object with exactly the keys decoder and mixtures")
    require(precision["decoder"] in ("fp32", "fp16", "int8", "int4"), "invalid header: precision.decoder is %r"
            % (precision["decoder"],))
    require(precision["mixtures"] in ("fp32", "fp16", "int8"), "invalid header: precision.mixtures is %r"
            % (precision["mixtures"],))
    layers, parameters, output = parse_layers(field(header, "decoder", lambda v: True, "header"), latent_dim)
    require(output == sample_shape, "invalid header: decoder output %s does not match sample_shape %s"
            % (list(output), list(sample_shape)))
    for needed in ("mixtures", "decoder"):
        require(needed in sections, "no section '%s' (has %s)" % (needed, list(sections)))
    mixtures = load_mixtures(sections["mixtures"], components, latent_dim, covariance_type, precision["mixtures"],
                             rank)
    weights = load_decoder(sections["decoder"], parameters, precision["decoder"])
    return Artifact(header, names, counts, components, sample_shape, scale, offset, latent_dim, covariance_type,
                    layers, precision, weights, mixtures, kind, *table, spread=spread,
                    decoder_arithmetic=decoder_arithmetic)


# ---------------------------------------------------------------------------------------------
# Decoding with torch: the layer list becomes modules named so that the section's tensor names
# are the state_dict's keys.

def build_decoder(artifact):
    import torch
    from torch import nn

    class Reshape(nn.Module):
        def __init__(self, shape):
            super().__init__()
            self.shape = tuple(shape)

        def forward(self, x):
            return x.reshape((x.shape[0],) + self.shape)

    class UpsampleNearest(nn.Module):
        def __init__(self, scale):
            super().__init__()
            self.scale = scale

        def forward(self, x):  # each pixel becomes a scale x scale block
            return x.repeat_interleave(self.scale, dim=2).repeat_interleave(self.scale, dim=3)

    class ChannelGroupMean(nn.Module):
        def __init__(self, groups):
            super().__init__()
            self.groups = groups

        def forward(self, x):
            n, c, h, w = x.shape
            return x.reshape(n, self.groups, c // self.groups, h, w).mean(dim=2)

    class FrequencyGain(nn.Module):
        def __init__(self, rings):
            super().__init__()
            self.gain = nn.Parameter(torch.ones(rings))

        def forward(self, x):  # each plane's DFT times its ring's gain, and back (float64, then float32)
            rings = torch.from_numpy(frequency_rings(x.shape[2], x.shape[3]))
            gains = self.gain.detach().double()[rings]
            return torch.fft.ifft2(torch.fft.fft2(x.double()) * gains).real.float()

    def module(op, f):
        return {
            "linear": lambda: nn.Linear(f.get("in", 0), f.get("out", 0)),
            "conv2d": lambda: nn.Conv2d(f.get("in", 0), f.get("out", 0), f.get("kernel", 0),
                                        stride=f.get("stride", 1), padding=f.get("padding", 0)),
            "relu": nn.ReLU,
            "sigmoid": nn.Sigmoid,
            "reshape": lambda: Reshape(f["shape"]),
            "upsample_nearest": lambda: UpsampleNearest(f["scale"]),
            "channel_group_mean": lambda: ChannelGroupMean(f["groups"]),
            "max_pool": lambda: nn.MaxPool2d(f["size"], f["size"]),
            "frequency_gain": lambda: FrequencyGain(f["rings"]),
        }[op]()

    class Decoder(nn.Module):
        def __init__(self):
            super().__init__()
            self.layers = nn.Sequential(*[module(op, f) for op, f in artifact.layers])

        def forward(self, z):
            return self.layers(z)

    decoder = Decoder()
    decoder.load_state_dict({name: torch.from_numpy(np.array(v, dtype=np.float32))
                             for name, v in artifact.weights.items()}, strict=True)
    return decoder.eval()


# For output row parity a, which rows of a 3x3 kernel fall on the upper and the lower row of the 2x2 block of
# the small input that an upsampled-by-2 pixel's 3x3 window covers (the same for columns).
SUB_PIXEL_TAPS = {0: ([0], [1, 2]), 1: ([0, 1], [2])}


def fused_decoder(layers):
    """The decoder with header decoder_arithmetic "fused"'s runs as one op each (FORMAT.md, Decoder arithmetic):
    upsample_nearest(2) + conv2d(3x3, stride 1, padding 1) as a 2x2 convolution of the small input with four
    times the filters, interleaved; conv2d + channel_group_mean as one convolution with each group's mean
    filter. Weights are folded in float64. The same function to float rounding, and faster
    (bench/speed/subpixel.py)."""
    import torch
    from torch import nn

    class SubPixelConv(nn.Module):
        def __init__(self, conv):
            super().__init__()
            w = conv.weight.detach().double()
            out_c, in_c = w.shape[:2]
            k = torch.zeros(2, 2, out_c, in_c, 2, 2, dtype=torch.float64)
            for a in (0, 1):
                for b in (0, 1):
                    for i, rows in enumerate(SUB_PIXEL_TAPS[a]):
                        for j, cols in enumerate(SUB_PIXEL_TAPS[b]):
                            k[a, b, :, :, i, j] = w[:, :, rows][:, :, :, cols].sum(dim=(2, 3))
            self.weight = k.reshape(4 * out_c, in_c, 2, 2).float()  # output channel (2a + b) * out + o
            self.bias = conv.bias.detach().repeat(4)
            self.out_c = out_c

        def forward(self, x):
            n, _, h, w = x.shape
            y = nn.functional.conv2d(x, self.weight, self.bias, padding=1).view(n, 2, 2, self.out_c, h + 1, w + 1)
            # parity (a, b) reads the 2x2 block whose top-left corner is (i - 1 + a, j - 1 + b): y at (i + a, j + b)
            rows = torch.stack([torch.stack([y[:, a, b, :, a:a + h, b:b + w] for b in (0, 1)], dim=-1)
                                for a in (0, 1)], dim=-3)  # [n, c, h, 2, w, 2]
            return rows.reshape(n, self.out_c, 2 * h, 2 * w)

    class GroupMeanConv(nn.Module):
        def __init__(self, conv, groups):
            super().__init__()
            out_c = conv.weight.shape[0]
            w = conv.weight.detach().double()
            self.weight = w.reshape(groups, out_c // groups, *w.shape[1:]).mean(dim=1).float()
            self.bias = conv.bias.detach().double().reshape(groups, out_c // groups).mean(dim=1).float()
            self.stride, self.padding = conv.stride, conv.padding

        def forward(self, x):
            return nn.functional.conv2d(x, self.weight, self.bias, stride=self.stride, padding=self.padding)

    layers = list(layers)
    out, i = [], 0
    while i < len(layers):
        here, after = layers[i], layers[i + 1] if i + 1 < len(layers) else None
        if (type(here).__name__ == "UpsampleNearest" and here.scale == 2 and isinstance(after, nn.Conv2d)
                and after.kernel_size == (3, 3) and after.stride == (1, 1) and after.padding == (1, 1)):
            out.append(SubPixelConv(after))
            i += 2
        elif isinstance(here, nn.Conv2d) and type(after).__name__ == "ChannelGroupMean":
            out.append(GroupMeanConv(here, after.groups))
            i += 2
        else:
            out.append(here)
            i += 1
    return nn.Sequential(*out).eval()


def decode(artifact, latents, batch=1024):
    """float32 outputs [N, C, H, W] (a table: [N, F], standardised) for float latents [N, d], computed as the
    file's header decoder_arithmetic says."""
    import torch
    latents = np.asarray(latents, dtype=np.float32)
    require(latents.ndim == 2 and latents.shape[1] == artifact.latent_dim,
            "latents must have shape [N, %d], got %s" % (artifact.latent_dim, list(latents.shape)))
    decoder = build_decoder(artifact)
    if artifact.decoder_arithmetic == "fused":
        decoder = fused_decoder(decoder.layers)
    out = np.empty((latents.shape[0],) + artifact.sample_shape, dtype=np.float32)
    with torch.no_grad():
        for start in range(0, latents.shape[0], batch):
            chunk = torch.from_numpy(np.ascontiguousarray(latents[start:start + batch]))
            out[start:start + batch] = decoder(chunk).numpy()
    return out


def to_pixels(artifact, outputs):
    """uint8 = clamp(floor(offset + scale * output + 1/2), 0, 255), computed in float64."""
    values = np.floor(artifact.offset + artifact.scale * outputs.astype(np.float64) + 0.5)
    return np.clip(values, 0, 255).astype(np.uint8)


def to_table_values(artifact, outputs):
    """A table's values in the source's units: mean + std * output, computed in float64, then float32
    (clamped to float32's finite range)."""
    values = artifact.mean + artifact.std * outputs.astype(np.float64)
    limit = np.finfo(np.float32).max
    return np.clip(values, -limit, limit).astype(np.float32)


def to_samples(artifact, outputs):
    """Decoder outputs as the samples they stand for: uint8 pixels, or table values."""
    return to_table_values(artifact, outputs) if artifact.kind == "table" else to_pixels(artifact, outputs)


def sample_latents(artifact, per_class, rng):
    """Multinomial component counts, then mean + L z per draw; grouped by class, then component."""
    latents, labels = [], []
    for c, (weights, means, factors) in enumerate(artifact.mixtures):
        counts = rng.multinomial(per_class, weights)
        for k, n in enumerate(counts):
            z = rng.standard_normal((n, artifact.latent_dim))
            latents.append(means[k] + z @ factors[k].T)
            labels.append(np.full(n, c, dtype=np.int64))
    return np.concatenate(latents), np.concatenate(labels)


def check_decodes(artifact):
    """One latent per class (its heaviest component's mean) must decode to finite outputs."""
    latents = np.stack([means[np.argmax(w)] for w, means, _ in artifact.mixtures])
    out = decode(artifact, latents)
    bad = np.flatnonzero(~np.isfinite(out.reshape(len(latents), -1)).all(axis=1))
    require(bad.size == 0, "decoder output for class %d is not finite" % (bad[0] if bad.size else 0))


# ---------------------------------------------------------------------------------------------

def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", help="the .lgc file")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--verify", action="store_true",
                      help="run every check, including decoding one latent per class; print FILE: OK or "
                           "FILE: FAILED: <problem>; exit 0 only if the file is intact")
    mode.add_argument("--decode", metavar="LATENTS.npy", help="decode float latents [N, d]")
    mode.add_argument("--sample", metavar="N", type=int, help="draw N samples per class")
    parser.add_argument("--seed", type=int, default=0, help="seed for --sample (numpy's default_rng)")
    parser.add_argument("-o", "--output", help="output file (.npy for --decode, .npz for --sample)")
    args = parser.parse_args(argv)
    if not args.verify and not args.output:
        parser.error("--decode and --sample need -o")
    if args.sample is not None and args.sample < 0:
        parser.error("--sample needs N >= 0")

    try:
        with open(args.file, "rb") as f:
            buf = f.read()
    except OSError as e:
        print("lgc_read: %s: %s" % (args.file, e.strerror), file=sys.stderr)
        return 2
    try:
        artifact = read_artifact(buf)
        if args.verify:
            check_decodes(artifact)
    except LgcError as e:
        if args.verify:
            print("%s: FAILED: %s" % (args.file, e))
        else:
            print("lgc_read: %s: %s" % (args.file, e), file=sys.stderr)
        return 2
    if args.verify:
        print("%s: OK" % args.file)
        return 0
    if args.decode:
        try:
            latents = np.load(args.decode, allow_pickle=False)
            out = decode(artifact, latents)
        except (OSError, ValueError, LgcError) as e:
            print("lgc_read: %s: %s" % (args.decode, e), file=sys.stderr)
            return 2
        with open(args.output, "wb") as f:  # a file object, so numpy adds no suffix
            np.save(f, out)
        return 0
    latents, labels = sample_latents(artifact, args.sample, np.random.default_rng(args.seed))
    samples = to_samples(artifact, decode(artifact, latents))
    extra = {}
    if artifact.kind == "table":
        extra = {"feature_names": np.array([c for c in artifact.columns if c != artifact.label_column]),
                 "class_names": np.array(artifact.classes)}
    with open(args.output, "wb") as f:
        np.savez(f, x=samples, y=labels, **extra)
    return 0


if __name__ == "__main__":
    sys.exit(main())
