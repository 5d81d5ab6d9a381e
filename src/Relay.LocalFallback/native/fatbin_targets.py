"""Prints what GPU code a CUDA library holds, in the shape of cuda-targets.json: the architectures with machine code
(SASS, ELF entries of its .nv_fatbin section) and with PTX, and the PTX ISA version. Standard library only; reads
the entry headers of the fat binaries, never their (compressed) code. Usage: fatbin_targets.py libggml-cuda.so
The oldest driver for a PTX ISA is NVIDIA's table (PTX ISA 9.0: CUDA 13.0, 9.1: CUDA 13.1, ...): put it in
ptxMinDriver as cuDriverGetVersion reports it (13010 for 13.1)."""
import json
import struct
import sys

FATBIN_MAGIC = 0xBA55ED50
KIND_PTX, KIND_ELF = 1, 2


def sections(data):
    shoff = struct.unpack_from("<Q", data, 0x28)[0]
    entsize, count, names_index = struct.unpack_from("<HHH", data, 0x3A)
    headers = [struct.unpack_from("<IIQQQQ", data, shoff + i * entsize) for i in range(count)]
    names = headers[names_index][4]
    for name_offset, _, _, _, offset, size in headers:
        end = data.index(b"\0", names + name_offset)
        yield data[names + name_offset:end].decode(), offset, size


def entries(data, offset, size):
    position = offset
    while position + 16 <= offset + size:
        magic, _, header_size, body_size = struct.unpack_from("<IHHQ", data, position)
        if magic != FATBIN_MAGIC:
            position += 8  # fat binaries are 8-byte aligned within the section
            continue
        entry, end = position + header_size, position + header_size + body_size
        while entry < end:
            kind, _, entry_header, payload = struct.unpack_from("<HHIQ", data, entry)
            minor, major, arch = struct.unpack_from("<HHI", data, entry + 24)
            yield kind, arch, f"{major}.{minor}"
            entry += entry_header + payload
        position = end


def main(path):
    data = open(path, "rb").read()
    sass, ptx, isa = set(), set(), set()
    for name, offset, size in sections(data):
        if name == ".nv_fatbin":
            for kind, arch, version in entries(data, offset, size):
                if kind == KIND_ELF:
                    sass.add(arch)
                elif kind == KIND_PTX:
                    ptx.add(arch)
                    isa.add(version)
    print(json.dumps({"sass": sorted(sass), "ptx": sorted(ptx), "ptxIsa": ",".join(sorted(isa))}))


if __name__ == "__main__":
    main(sys.argv[1])
