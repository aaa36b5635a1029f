#!/usr/bin/env python3
"""Names the precompiled (ReadyToRun composite) methods in a `perf script` dump, which perf shows as [unknown].

    dotnet publish SiteGen.csproj -c Release -r linux-x64 --self-contained -o OUT -p:PublishReadyToRunEmitSymbols=true
    DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 perf record -g -o perf.data OUT/SiteGen build --root SITE --out DIR
    perf script -i perf.data > raw.txt
    tests/Benchmarks/r2r-symbols.py OUT/SiteGen.r2r.dll OUT/SiteGen.r2r.ni.r2rmap raw.txt > named.txt

The map lists each method's start (an RVA), size and name; perf gives an address in the file, which the image's
section table turns into an RVA. The perf map (DOTNET_PerfMapEnabled) names what was compiled at run time and the stubs.
"""
import bisect
import re
import struct
import sys

image, symbol_map, dump = sys.argv[1:4]

data = open(image, 'rb').read()
pe = struct.unpack_from('<I', data, 0x3C)[0]
sections, optional_size = struct.unpack_from('<H', data, pe + 6)[0], struct.unpack_from('<H', data, pe + 20)[0]
table = pe + 24 + optional_size
ranges = []  # (file offset, raw size, rva)
for i in range(sections):
    _, _, rva, raw_size, raw_offset = struct.unpack_from('<8sIIII', data, table + 40 * i)
    ranges.append((raw_offset, raw_size, rva))

methods = []
for line in open(symbol_map, errors='replace'):
    parts = line.rstrip('\n').split(' ', 2)
    if len(parts) == 3 and int(parts[0], 16) < 0xFFFFFF00:  # the first lines are the map's own header
        methods.append((int(parts[0], 16), int(parts[1], 16), parts[2]))
methods.sort()
starts = [m[0] for m in methods]

def name(offset):
    for raw_offset, raw_size, rva in ranges:
        if raw_offset <= offset < raw_offset + raw_size:
            address = offset - raw_offset + rva
            i = bisect.bisect_right(starts, address) - 1
            if i >= 0 and address < methods[i][0] + methods[i][1]:
                return f'{methods[i][2]}+0x{address - methods[i][0]:x}'
    return None

frame = re.compile(r'(\s+)([0-9a-f]+) \[unknown\] \((.*\.r2r\.dll)\)')
for line in open(dump, errors='replace'):
    m = frame.match(line)
    if m and (n := name(int(m.group(2), 16))):
        line = f'{m.group(1)}{m.group(2)} {n} ({m.group(3)})\n'
    sys.stdout.write(line)
