#!/usr/bin/env python3
"""Where a build's CPU goes, by part of SiteGen and kind of work, from `perf record -g` of the native build.

usage: perf-parts.py LABEL=a.data,b.data LABEL2=c.data ...   (every file of a label is one run; prints ms per run)
  e.g. perf record -g -e cpu-clock -F 2000 -o off-1.data dist/SiteGen build --root DIR/no-search --out /dev/shm/o
Each sample goes to the innermost frame of the stack that names a part (search, link scan, writing files, …), and to a
kind: a page fault, the collector, the collector clearing memory for new objects, another system call, or plain code.
Needs the symbols of the native build (SiteGen.dbg beside SiteGen).
"""
import collections, re, subprocess, sys

PARTS = [
    ('search', r'SiteGen_Search_|SearchStage'),
    ('link scan', r'LinkScanner'),
    ('link check', r'LinkChecker'),
    ('writing files', r'OutputTree|StagingDirectory'),
    ('side-by-side', r'RenderStage__View|BilingualView|BilingualAligner|RenderBlockGroups'),
    ('templates', r'TemplateRenderer'),
    ('markdown', r'MarkdownStage'),
    ('parity', r'ParityChecker'),
    ('load', r'ContentLoader|SiteIndex|TemplateStore'),
    ('collector threads', r'gc_thread_function|bgc_thread_function'),
    ('render, other', r'RenderStage'),
]
PARTS = [(name, re.compile(rx)) for name, rx in PARTS]


def kind(frames):
    stack = ' '.join(frames)
    if 'asm_exc_page_fault' in stack: return 'page faults'
    if 'garbage_collect' in stack or 'gc_thread' in stack: return 'collector'
    if 'a_fit_segment_end_p' in stack or 'memset' in frames[0]: return 'clearing new memory'
    if 'entry_SYSCALL' in stack: return 'system calls'
    return 'code'


def part(frames):
    for frame in frames:
        for name, rx in PARTS:
            if rx.search(frame): return name
    return 'other'


def samples(path):
    text = subprocess.run(['perf', 'script', '-i', path, '-F', 'ip,sym'], capture_output=True, text=True).stdout
    for block in text.split('\n\n'):
        frames = [line.strip() for line in block.strip().split('\n') if line.strip()]
        if frames: yield frames


def period_ms(path):
    header = subprocess.run(['perf', 'report', '-i', path, '--header-only'], capture_output=True, text=True).stdout
    freq = re.search(r'sample_freq[^=]*= (\d+)', header)
    return 1000 / int(freq.group(1)) if freq else 1.0


labels = {}
for arg in sys.argv[1:]:
    label, files = arg.split('=', 1)
    files = files.split(',')
    parts, kinds = collections.Counter(), collections.Counter()
    for f in files:
        ms = period_ms(f) / len(files)
        for frames in samples(f):
            parts[part(frames)] += ms
            kinds[kind(frames)] += ms
    labels[label] = (parts, kinds)
for table in (0, 1):
    rows = sorted({k for v in labels.values() for k in v[table]}, key=lambda k: -max(v[table][k] for v in labels.values()))
    print(f"{'part' if table == 0 else 'kind':<22}" + ''.join(f'{l:>12}' for l in labels))
    for row in rows: print(f'{row:<22}' + ''.join(f'{v[table][row]:12.0f}' for v in labels.values()))
    print(f"{'total':<22}" + ''.join(f'{sum(v[table].values()):12.0f}' for v in labels.values()) + '\n')
