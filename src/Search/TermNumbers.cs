namespace SiteGen.Search;

/// <summary>
/// Numbers for Han terms keyed as 64-bit values (a character, or two, by code point): an open-addressing table (linear
/// probing, power-of-two size) for what <see cref="TermCounts"/> does not keep in its denser tables, characters outside
/// the Basic Multilingual Plane and the pairs with one. A key and its number share a slot, so a look-up reads one cache line.
/// </summary>
internal sealed class TermNumbers
{
    private struct Slot
    {
        public long Key;
        public int Number; // the number + 1; 0 is an empty slot
    }

    private Slot[] _slots = new Slot[1 << 14];
    private int _count, _shift = 64 - 14;

    /// <returns>the key's number, or -1 (and its slot ready for <see cref="Set"/>) when it has none.</returns>
    public int Find(long key, out int slot)
    {
        var mask = _slots.Length - 1;
        slot = (int)((ulong)(key * -7046029254386353131L) >> _shift); // Fibonacci hashing: the top bits of the product
        while (true)
        {
            ref var s = ref _slots[slot];
            if (s.Number == 0) return -1;
            if (s.Key == key) return s.Number - 1;
            slot = (slot + 1) & mask;
        }
    }

    public void Set(int slot, long key, int number)
    {
        _slots[slot] = new Slot { Key = key, Number = number + 1 };
        if (++_count * 2 > _slots.Length) Grow();
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new Slot[old.Length * 2];
        _shift--;
        foreach (var s in old)
        {
            if (s.Number == 0) continue;
            Find(s.Key, out var slot);
            _slots[slot] = s;
        }
    }
}
