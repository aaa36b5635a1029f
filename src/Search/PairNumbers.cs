namespace SiteGen.Search;

/// <summary>
/// Numbers for pairs of Han characters of the Basic Multilingual Plane, keyed by their two dense indices
/// (<see cref="TermCounts"/>) in 32 bits: an open-addressing table (linear probing, power-of-two size) whose slot is
/// one 64-bit word, key and number together. Most characters of a Chinese page end a pair that is looked up here, in a
/// table that rendering pushes out of the processor's caches between one group and the next: the time goes in waiting
/// for its cache lines. So the table is kept small: a slot is half one of <see cref="TermNumbers"/>, the table starts
/// small and fills to three quarters before it doubles (a few more probes, within the line already read).
/// </summary>
internal sealed class PairNumbers
{
    private ulong[] _slots = new ulong[1 << 12]; // key << 32 | (number + 1); 0 is an empty slot
    private int _count, _shift = 32 - 12;

    /// <returns>the key's number, or -1 (and its slot ready for <see cref="Set"/>) when it has none.</returns>
    public int Find(uint key, out int slot)
    {
        var mask = _slots.Length - 1;
        slot = (int)((key * 2654435769u) >> _shift); // Fibonacci hashing: the top bits of the product
        while (true)
        {
            var s = _slots[slot];
            if (s == 0) return -1;
            if ((uint)(s >> 32) == key) return (int)(uint)s - 1;
            slot = (slot + 1) & mask;
        }
    }

    public void Set(int slot, uint key, int number)
    {
        _slots[slot] = (ulong)key << 32 | (uint)(number + 1);
        if (++_count * 4 > _slots.Length * 3) Grow();
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new ulong[old.Length * 2];
        _shift--;
        foreach (var s in old)
        {
            if (s == 0) continue;
            Find((uint)(s >> 32), out var slot);
            _slots[slot] = s;
        }
    }
}
